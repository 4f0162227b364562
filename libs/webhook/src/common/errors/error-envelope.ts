import type { Response } from 'express';

export interface ErrorEnvelope {
  code: number;
  success: false;
  message: string;
  causes: string[];
  data: null;
}

export function errorEnvelope(status: number, message: string, causes: string[] = []): ErrorEnvelope {
  return { code: status, success: false, message, causes, data: null };
}

/** Writes the envelope straight to the response; used where no Nest filter runs (body middleware). */
export function sendErrorEnvelope(
  res: Response,
  status: number,
  message: string,
  causes: string[] = [],
  headers: Record<string, string> = {},
): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).type('application/json; charset=utf-8').send(JSON.stringify(errorEnvelope(status, message, causes)));
}
