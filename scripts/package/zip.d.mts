export interface ZipInput {
  name: string;
  data: Uint8Array;
  executable?: boolean;
}
export interface ZipEntry {
  name: string;
  data: Buffer;
  mode: number;
  method: number;
  flags: number;
  dosTime: number;
  dosDate: number;
  madeBy: number;
  extraLength: number;
}
export declare function writeZip(entries: ZipInput[]): Buffer;
export declare function readZip(zip: Uint8Array): ZipEntry[];
