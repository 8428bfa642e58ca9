// Typed failures of opening a store database. Each one is raised BEFORE anything is written to the
// file, so the caller can tell the operator what is wrong while the evidence is still intact
// (a newer Walkout can still open it, a backup can still be compared against it). Every class
// carries a stable `code` as well, because class identity does not survive the RPC boundary.

/** Base class: lets callers catch "anything wrong with the store database file" in one place. */
export class StoreDatabaseError extends Error {
  readonly code: string = 'DB_ERROR';
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The file was written by a newer Walkout whose schema this build does not know. */
export class DatabaseTooNewError extends StoreDatabaseError {
  override readonly code = 'DB_TOO_NEW';
  constructor(
    path: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      path,
      `Store database ${path} has schema version ${fileVersion}, but this build of Walkout ` +
        `supports schema versions up to ${supportedVersion}. Upgrade Walkout to open it; ` +
        `the file was left untouched.`,
    );
  }
}

/** Not an SQLite file at all, or one whose pages are damaged. */
export class DatabaseCorruptError extends StoreDatabaseError {
  override readonly code = 'DB_CORRUPT';
  constructor(
    path: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      path,
      `Store database ${path} is not a valid SQLite database or is damaged (${detail}). ` +
        `The file was left untouched; move it aside or restore it from a backup.`,
      options,
    );
  }
}

/** The file belongs to another store: opening it would mix two stores' records. */
export class DatabaseStoreMismatchError extends StoreDatabaseError {
  override readonly code = 'DB_STORE_MISMATCH';
  constructor(
    path: string,
    readonly expectedStoreId: string,
    readonly actualStoreId: string,
  ) {
    super(
      path,
      `Store database ${path} belongs to store "${actualStoreId}", not "${expectedStoreId}". ` +
        `The file was left untouched; check which data directory this store is configured with.`,
    );
  }
}

/** A valid SQLite file that Walkout never initialised (another application's database). */
export class DatabaseUnrecognizedError extends StoreDatabaseError {
  override readonly code = 'DB_UNRECOGNIZED';
  constructor(path: string) {
    super(
      path,
      `${path} is an SQLite database, but not a Walkout store database (it has tables and no ` +
        `Walkout schema version). The file was left untouched.`,
    );
  }
}

/** Read-only opening needs a file that exists and is already at this build's schema version. */
export class DatabaseNotReadyError extends StoreDatabaseError {
  override readonly code = 'DB_NOT_READY';
  constructor(path: string, reason: string) {
    super(path, `Store database ${path} cannot be opened read-only: ${reason}.`);
  }
}
