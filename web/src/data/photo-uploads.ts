/**
 * Photos chosen for a report (or a handling report), each uploaded as soon as it is picked so
 * that submitting is quick: shrink a large photo on the phone, ask for a presigned slot, PUT it
 * with progress. The form sends the `photoKey`s once every upload is done.
 */
import { createStore, produce } from "solid-js/store";
import { onCleanup } from "solid-js";
import { ApiError } from "./api.ts";
import { putFile, UploadError } from "./grids.ts";
import { MAX_PHOTOS, photoTypeOf, type PhotoType, type TicketsApi } from "./tickets.ts";

export type PhotoUploadState = "preparing" | "uploading" | "done" | "failed";

/** Why a photo is not usable; the page words it. */
export type PhotoProblem =
  | { code: "type" }
  | { code: "too_large"; size: number; max: number }
  | { code: "upload"; status: number }
  | { code: "network" }
  /** The API refused the slot or, on submission, the uploaded photo (`photo.*` codes). */
  | { code: "api"; apiCode: string | undefined; detail: string };

export interface PhotoUpload {
  id: string;
  name: string;
  /** An object URL of the chosen file for the thumbnail (null where there is no URL API). */
  preview: string | null;
  state: PhotoUploadState;
  loaded: number;
  total: number;
  photoKey: string | null;
  problem: PhotoProblem | null;
}

/** Photos above this size are redrawn smaller before upload (street bandwidth is thin). */
const SHRINK_ABOVE = 1_500_000;
const LONG_SIDE = 2048;
/** Uploads at a time. */
const PARALLEL = 2;

/**
 * A large JPEG/PNG/WebP redrawn at most 2,048 px on its long side as a JPEG, if that is smaller
 * (orientation kept). HEIC and anything the browser cannot draw go as they are.
 */
export async function shrinkPhoto(file: Blob, type: PhotoType): Promise<{ blob: Blob; type: PhotoType }> {
  if (type === "image/heic" || file.size <= SHRINK_ABOVE || typeof createImageBitmap !== "function" || typeof document === "undefined")
    return { blob: file, type };
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext("2d");
    if (!context) return { blob: file, type };
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (blob && blob.size > 0 && blob.size < file.size) return { blob, type: "image/jpeg" };
  } catch {
    // Not drawable here: send the original.
  }
  return { blob: file, type };
}

function objectURL(file: Blob): string | null {
  try {
    return typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null;
  } catch {
    return null;
  }
}

let counter = 0;

export interface PhotoUploads {
  items: PhotoUpload[];
  /** Adds files (up to the limit); returns how many were left out for being over it. */
  add: (files: Iterable<File>) => number;
  remove: (id: string) => void;
  retry: (id: string) => void;
  /** Resolves when no photo is preparing or uploading. */
  settled: () => Promise<void>;
  busy: () => boolean;
  /** The keys of the uploaded photos, in order. */
  keys: () => string[];
  /** The API refused the photo at `index` of `keys()` on submission (it deleted the upload). */
  refuse: (index: number, problem: PhotoProblem) => void;
  clear: () => void;
  max: number;
}

/** Must be called inside a component: previews and uploads are released with it. */
export function createPhotoUploads(tickets: TicketsApi, max = MAX_PHOTOS): PhotoUploads {
  const [store, setStore] = createStore<{ items: PhotoUpload[] }>({ items: [] });
  const files = new Map<string, File>();
  const aborts = new Map<string, AbortController>();
  const running = new Map<string, Promise<void>>();
  const waiting: Array<() => void> = [];
  let active = 0;

  const patch = (id: string, fields: Partial<PhotoUpload>) => setStore("items", (item) => item.id === id, fields);
  const exists = (id: string) => store.items.some((item) => item.id === id);

  async function slot() {
    if (active < PARALLEL) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
  }
  function release() {
    active--;
    waiting.shift()?.();
  }

  async function upload(id: string) {
    const file = files.get(id);
    if (!file) return;
    const controller = new AbortController();
    aborts.set(id, controller);
    patch(id, { state: "preparing", problem: null, loaded: 0, photoKey: null });
    const declared = photoTypeOf(file);
    if (!declared) {
      patch(id, { state: "failed", problem: { code: "type" } });
      return;
    }
    await slot();
    try {
      if (controller.signal.aborted) return;
      const { blob, type } = await shrinkPhoto(file, declared);
      if (controller.signal.aborted) return;
      const target = await tickets.photoSlot(type);
      if (controller.signal.aborted) return;
      if (blob.size > target.maxBytes) {
        patch(id, { state: "failed", problem: { code: "too_large", size: blob.size, max: target.maxBytes } });
        return;
      }
      patch(id, { state: "uploading", total: blob.size });
      await putFile(target.url, blob, (loaded, total) => exists(id) && patch(id, { loaded, total: total || blob.size }), {
        headers: target.headers ?? { "content-type": type },
        signal: controller.signal,
      });
      if (exists(id)) patch(id, { state: "done", loaded: blob.size, photoKey: target.photoKey });
    } catch (failure) {
      if (controller.signal.aborted || !exists(id)) return;
      const problem: PhotoProblem =
        failure instanceof UploadError
          ? failure.status
            ? { code: "upload", status: failure.status }
            : { code: "network" }
          : failure instanceof ApiError
            ? { code: "api", apiCode: failure.code, detail: failure.message }
            : { code: "network" };
      patch(id, { state: "failed", problem });
    } finally {
      release();
      aborts.delete(id);
    }
  }

  function start(id: string) {
    const job = upload(id).finally(() => {
      if (running.get(id) === job) running.delete(id);
    });
    running.set(id, job);
  }

  function forget(id: string) {
    aborts.get(id)?.abort();
    aborts.delete(id);
    files.delete(id);
    const item = store.items.find((candidate) => candidate.id === id);
    if (item?.preview) URL.revokeObjectURL(item.preview);
  }

  onCleanup(() => {
    for (const item of store.items) forget(item.id);
  });

  return {
    get items() {
      return store.items;
    },
    max,
    add(chosen) {
      const list = [...chosen];
      const room = Math.max(0, max - store.items.length);
      const taken = list.slice(0, room);
      for (const file of taken) {
        const id = `photo-${++counter}`;
        files.set(id, file);
        setStore(
          "items",
          produce((items) => {
            items.push({
              id,
              name: file.name,
              preview: objectURL(file),
              state: "preparing",
              loaded: 0,
              total: file.size,
              photoKey: null,
              problem: null,
            });
          }),
        );
        start(id);
      }
      return list.length - taken.length;
    },
    remove(id) {
      forget(id);
      running.delete(id);
      setStore("items", (items) => items.filter((item) => item.id !== id));
    },
    retry(id) {
      if (!files.has(id) || running.has(id)) return;
      start(id);
    },
    settled: async () => {
      while (running.size) await Promise.allSettled([...running.values()]);
    },
    busy: () => store.items.some((item) => item.state === "preparing" || item.state === "uploading"),
    keys: () => store.items.filter((item) => item.state === "done" && item.photoKey).map((item) => item.photoKey!),
    refuse(index, problem) {
      const item = store.items.filter((candidate) => candidate.state === "done" && candidate.photoKey)[index];
      if (item) patch(item.id, { state: "failed", photoKey: null, problem });
    },
    clear() {
      for (const item of store.items) forget(item.id);
      running.clear();
      setStore("items", []);
    },
  };
}
