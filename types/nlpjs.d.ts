// @nlpjs/basic ships no types; the benchmark uses only this much of it.
declare module '@nlpjs/basic' {
  interface NlpResult {
    intent: string;
    score: number;
  }
  export interface Nlp {
    settings: { autoSave: boolean; autoLoad: boolean; threshold: number };
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, text: string): Promise<NlpResult>;
  }
  interface Container {
    use(plugin: unknown): void;
    get(name: 'nlp'): Nlp;
    registerConfiguration(tag: string, settings: Record<string, unknown>, overwrite: boolean): void;
  }
  const basic: { containerBootstrap(): Promise<Container>; Nlp: unknown; LangEn: unknown };
  export default basic;
}
