import type { Command } from './index.ts';

// Placeholder until the command lands; replaced by its owner.
export const inspect: Command = {
  name: 'inspect',
  summary: '(not yet available)',
  usage: 'lore inspect',
  help: '',
  options: {},
  async run(ctx) {
    ctx.out.error('lore inspect: not yet available\n');
    return 2;
  },
};
