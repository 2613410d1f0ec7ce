import type { Envelope, Reply } from '../../core/contracts/contract';

/**
 * How the app reaches its cloud functions and files on one platform. A transport never throws:
 * a network failure, a refusal and a server fault each come back as a failure `Reply` with its
 * own code, so the screen can say which one happened.
 */
export interface UploadFile {
  /** A local path the platform can read (weapp temp file, H5 blob URL). */
  readonly path: string;
  readonly contentType: string;
}

export interface UploadOptions {
  readonly personId: string;
  readonly onProgress?: (fraction: number) => void;
}

export interface Transport {
  call(functionName: string, envelope: Envelope): Promise<Reply<unknown>>;
  /**
   * Stores a file under the caller's own folder (`uploads/<personId>/<name>`), reporting progress
   * from 0 to 1. The same name again replaces the same file, so a retried upload is not a second one.
   */
  upload(name: string, file: UploadFile, options: UploadOptions): Promise<Reply<{ ref: string }>>;
}

/** What differs between the WeChat build and the H5 build, and nothing else. */
export interface Platform {
  readonly name: 'weapp' | 'h5';
  readonly transport: Transport;
  /** Whether someone must pick a demo identity first (the local runtime's dev login, H5 only). */
  readonly needsDevLogin: boolean;
}
