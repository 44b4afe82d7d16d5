import type { Command } from './index.ts';

// Placeholder until the command lands; replaced by its owner.
export const history: Command = {
  name: 'history',
  summary: '(not yet available)',
  usage: 'lore history',
  help: '',
  options: {},
  async run(ctx) {
    ctx.out.error('lore history: not yet available\n');
    return 2;
  },
};
