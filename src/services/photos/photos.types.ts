/** A photo picked on the phone, before it is made ready. */
export interface PickedPhoto {
  readonly path: string;
  readonly bytes: number;
}

/** A photo ready to upload: upright, JPEG, small enough, with its bytes for the hash. */
export interface PreparedPhoto {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly contentType: 'image/jpeg';
  readonly width: number;
  readonly height: number;
  readonly originalBytes: number;
}

export type Prepared = { readonly ok: true; readonly photo: PreparedPhoto } | { readonly ok: false; readonly message: string };
export type Picked = { readonly ok: true; readonly photos: readonly PickedPhoto[] } | { readonly ok: false; readonly cancelled: boolean; readonly message: string };
