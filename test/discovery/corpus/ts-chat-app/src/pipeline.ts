// Ordinary code whose names look like AI SDKs.
export class Agent {
  constructor(readonly name: string) {}
  run(steps: (() => number)[]): number[] {
    return steps.map((step) => step());
  }
}

export class Client {
  readonly model = "article";
}

export function pipeline(...steps: (() => number)[]): number[] {
  return new Agent("pipeline").run(steps);
}

export const client = new Client();
export const status = fetch("https://api.example.com/status");
