import type { LocalizedText } from './common';

export interface ReferenceItem {
  code: string;
  name: LocalizedText;
}

export interface RegionItem extends ReferenceItem {
  kind: 'region' | 'city';
}

/** `GET /api/reference`: everything a profile form needs, in one request. */
export interface ReferenceData {
  regions: RegionItem[];
  subjects: ReferenceItem[];
  schoolKinds: ReferenceItem[];
  grades: ReferenceItem[];
  languages: ReferenceItem[];
}
