// Not an AI agent: the dispatch "agent" is the person on shift.
export class Agent {
  constructor(readonly name: string) {}
  assign(tour: string): string {
    return `${this.name} takes ${tour}`;
  }
}
