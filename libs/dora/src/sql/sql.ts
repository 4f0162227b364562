/**
 * A piece of SQL with its positional parameters. Both drivers take `?` placeholders, so one text
 * serves MySQL/MariaDB and SQLite; pieces compose without counting placeholders by hand.
 */
export interface Sql {
  readonly text: string;
  readonly params: readonly unknown[];
}

const SQL_MARK = Symbol('sql');

interface MarkedSql extends Sql {
  readonly [SQL_MARK]: true;
}

function make(text: string, params: readonly unknown[]): MarkedSql {
  return { text, params, [SQL_MARK]: true };
}

function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && SQL_MARK in value;
}

/**
 * Template tag: embedded `Sql` pieces are inlined, arrays become `?, ?, …` lists (an empty array
 * becomes `NULL`, so `x IN (NULL)` matches nothing), anything else becomes one `?`.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else if (Array.isArray(value)) {
      text += value.length === 0 ? 'NULL' : value.map(() => '?').join(', ');
      params.push(...value);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  return make(text, params);
}

/** Trusted text (identifiers, keywords) inlined as is. */
export function raw(text: string): Sql {
  return make(text, []);
}

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return make(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.params),
  );
}
