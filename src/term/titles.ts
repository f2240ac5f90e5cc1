const MAX_STACK = 10;

/** The window title (OSC 0/2) and the stack XTWINOPS 22/23 push it onto and pop it from. */
export class Titles {
  current = '';
  private readonly stack: string[] = [];

  push(): void {
    this.stack.push(this.current);
    if (this.stack.length > MAX_STACK) this.stack.shift();
  }

  pop(): void {
    const title = this.stack.pop();
    if (title !== undefined) this.current = title;
  }
}
