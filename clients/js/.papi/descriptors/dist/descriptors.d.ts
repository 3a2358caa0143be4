export declare const Opg: Record<string, object>;
