import type { Command } from './index.ts';

// Placeholder until the command lands; replaced by its owner.
export const check: Command = {
  name: 'check',
  summary: '(not yet available)',
  usage: 'lore check',
  help: '',
  options: {},
  async run(ctx) {
    ctx.out.error('lore check: not yet available\n');
    return 2;
  },
};
