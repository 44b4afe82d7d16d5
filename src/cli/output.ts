// Terminal output helpers: colours only on a TTY and never with NO_COLOR.
export interface Out {
  write(text: string): void;
  error(text: string): void;
  color: boolean;
}

export function terminalOut(): Out {
  // `lore history | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  return {
    write: (text) => void process.stdout.write(text),
    error: (text) => void process.stderr.write(text),
    color,
  };
}

const codes = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2, bold: 1 } as const;
export type Colour = keyof typeof codes;

export function paint(out: Out, colour: Colour, text: string): string {
  return out.color ? `\u001b[${codes[colour]}m${text}\u001b[0m` : text;
}
