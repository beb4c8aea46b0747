/**
 * Sentences that answer a concept in prose: a subject and a verb ("the model predicts ...", "is
 * intended for ..."), never a keyword alone, so "must not produce harmful outputs" is not an
 * answer about outputs. Each pattern is matched against one sentence at a time, with markup
 * removed and whitespace collapsed. Part of the wording data (index.ts).
 */
import type { ConceptId } from '../concepts';
import type { Language } from './headings';
import { lazyPatterns, written } from './unicodeWords';

export interface SentencePattern {
  /** Unique; test/unit/conceptWording.test.ts has realistic sentences for every id. */
  id: string;
  lang: Language;
  /** Every concept the sentence answers ("is not intended for" states an intended use and a limit). */
  concepts: readonly ConceptId[];
  pattern: RegExp;
}

/** `\b` and `\w` that know letters beyond ASCII (`\w` only inside brackets: `[\w-]`); case-insensitive. */
const re = written;

/** Objects that make "the model produces X" a risk, not an output format. */
const HARM = String.raw`(?:harmful|toxic|offensive|biased|incorrect|inaccurate|false|unsafe|inappropriate|misleading|wrong|hallucinated|factually|objectionable|explicit|nsfw)`;
const MODALITY = String.raw`(?:prompts?|text|texts|sentences?|paragraphs?|images?|photos?|pictures?|audio|speech|recordings?|descriptions?|captions?|inputs?|sketch(?:es)?|videos?|frames?|documents?|questions?|queries|instructions?|embeddings?|tokens?|waveforms?|transcripts?|code)`;
const OUTPUT_NOUN = String.raw`(?:video|image|text|string|list|dict(?:ionary)?|json|tensor|array|mask|box(?:es)?|bounding box(?:es)?|audio|waveform|answer|summary|translation|transcript(?:ion)?|caption|sequence|number|value|span|response|completion|tokens?|scores?|similarity|embeddings?|labels?|probabilit(?:y|ies)|logits|vectors?|class(?:es)?)`;

const INTENDED: readonly ConceptId[] = ['intended-use', 'uses'];
const NOT_INTENDED: readonly ConceptId[] = ['intended-use', 'uses', 'limitations'];
const IO: readonly ConceptId[] = ['inputs', 'outputs'];

export const SENTENCES: readonly SentencePattern[] = lazyPatterns([
  // English: intended use (model) and uses (dataset).
  {
    id: 'en-intended-for',
    lang: 'en',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:is|are|was|were|has been|have been)\s(?:primarily\s|mainly\s|only\s|solely\s|exclusively\s|specifically\s|also\s)?(?:intended|designed|meant|built|developed|created|made)\s(?:to be used\s|primarily\s|mainly\s|solely\s|only\s|exclusively\s)?(?:for|to|as)\b`,
    ),
  },
  {
    id: 'en-not-intended',
    lang: 'en',
    concepts: NOT_INTENDED,
    pattern: re(
      String.raw`\b(?:(?:is|are|was|were)(?:\snot|n't)\s(?:[\w]+\s)?(?:intended|designed|meant|suitable|recommended|appropriate|fit)\s(?:to be used\s)?(?:for|to|as|in)|should(?:\snot|n't)\sbe\s(?:used|deployed|relied on)|(?:do|must)\snot\suse\s(?:this|the|it))\b`,
    ),
  },
  {
    id: 'en-can-be-used',
    lang: 'en',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:model|models|it|they|this|that|which|dataset|checkpoint|weights|embeddings)\s(?:[\w]+\s)?(?:can|could|may|should)\s(?:also\s)?be\s(?:used|applied|deployed|fine-?tuned)\s(?:for|to|as|in)\s(?!(?:the|this|a)\s(?:code|snippet|pipeline|example|following))`,
    ),
  },
  {
    id: 'en-purpose-only',
    lang: 'en',
    concepts: INTENDED,
    pattern: re(
      String.raw`\bfor\s(?:research|academic|educational|commercial|non-commercial|noncommercial|personal|experimental|demonstration)\s(?:purposes?|use|usage|only)\b`,
    ),
  },
  {
    id: 'en-suited-for',
    lang: 'en',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:is|are)\s(?:(?:particularly|especially|well|best)\s){0,2}(?:useful|suited|ideal|appropriate)\s(?:for|to)\b|\b(?:primary|main|intended|target)\s(?:use|users?|audience|applications?)\s(?:is|are|include|includes)\b|\bout[- ]of[- ]scope\suses?\b`,
    ),
  },
  // English: inputs and outputs.
  {
    id: 'en-takes-input',
    lang: 'en',
    concepts: ['inputs'],
    pattern: re(
      String.raw`\b(?:takes?|uses?|accepts?|expects?|supports?|receives?|consumes?|processes|reads?)\s(?:[\w,'-]+\s){0,8}(?:as\s(?:an?\s|the\s|its\s|model\s)?)?inputs?\b`,
    ),
  },
  {
    id: 'en-input-is',
    lang: 'en',
    concepts: ['inputs'],
    pattern: re(
      String.raw`\b(?:the|its|model|each)\s(?:[\w-]+\s)?inputs?\s(?:is|are|should be|must be|can be|consists? of|format)\b|^(?!.*\b(?:train|trained|training|pre-training|batch|learning rate|epochs?|steps)\b).*\b(?:context\s(?:length|window|size)|max(?:imum)?\s(?:input|sequence|context)\s(?:length|size))\b[^.]{0,40}\d`,
    ),
  },
  {
    id: 'en-sample-rate',
    lang: 'en',
    concepts: ['inputs'],
    pattern: re(
      String.raw`\b(?:sampled|sampling rate|sample rate)\b[^.]{0,40}\d+(?:\.\d+)?\s?k?hz\b|\b\d+(?:\.\d+)?\s?k?hz\s(?:[\w-]+\s){0,2}(?:audio|speech|input|recordings?|mono|stereo|sampling)\b`,
    ),
  },
  {
    id: 'en-given',
    lang: 'en',
    concepts: IO,
    pattern: re(
      String.raw`\bgiven\s(?:an?|the|some|one|two|any|its|their|\d+)\s[^.;]{1,100}?,\s?(?:the\s|this\s|our\s)?(?:model|it|network|classifier|system|pipeline)\s(?:[\w]+ly\s)?(?:predicts?|returns?|outputs?|generates?|produces?|classifies|labels|detects?|estimates?|assigns?|selects?|ranks?|scores?|answers?|translates?|transcribes?|segments?|computes?|decides?)\b`,
    ),
  },
  {
    id: 'en-generate-from',
    lang: 'en',
    concepts: IO,
    pattern: re(
      String.raw`^(?!.*\b(?:must|should|may|can|do|does)(?:\snot|n't)\b)(?!.*\bnever\b).*(?<!not\s|never\s|includes\s|including\s|may\s|might\s)\b(?:generates?|generating|creates?|creating|produces?|producing|synthesi[sz](?:es?|ing)|renders?|rendering|edits?|editing)\s(?:[\w,-]+\s){0,5}(?:from|based on|conditioned on|guided by|given)\s(?:an?\s|the\s|its\s|input\s|any\s|their\s|natural[- ]language\s)?(?:[\w-]+\s){0,2}${MODALITY}\b`,
    ),
  },
  {
    id: 'en-maps-to',
    lang: 'en',
    concepts: IO,
    pattern: re(
      String.raw`\b(?:maps?|converts?|transforms?|translates?|transcribes?|encodes?)\s(?:[\w,&'-]+\s){1,6}(?:in)?to\s(?:an?\s|the\s)?(?:[\w-]+\s){0,4}(?:text|vectors?|vector space|embeddings?|speech|audio|images?|videos?|labels?|class(?:es)?|categor(?:y|ies)|tokens?|transcripts?|transcriptions?|English|code|sql|json|masks?|representations?)\b`,
    ),
  },
  {
    id: 'en-produces-outputs',
    lang: 'en',
    concepts: ['outputs'],
    pattern: re(
      String.raw`\b(?:model|it|and|which)\s(?:returns|outputs|produces|generates)\s(?:[\w-]+\s){0,3}(?:outputs?\b(?!\swhen)|as\s(?:its\s)?output\b|in its output\b)`,
    ),
  },
  {
    id: 'en-predicts',
    lang: 'en',
    concepts: ['outputs'],
    pattern: re(
      String.raw`\b(?:model|it|network|classifier|head|which|and then|system|pipeline|regressor|detector|decoder)\s(?:[\w]+ly\s|also\s|then\s)?(?:predicts?|outputs?|returns?|produces?|generates?|emits?|yields?|assigns?|estimates?|classifies|detects?|segments?|transcribes?)\s(?!${HARM}\b)(?:an?|the|one|its|\d+|[\w-]+)\b`,
    ),
  },
  {
    id: 'en-returns',
    lang: 'en',
    concepts: ['outputs'],
    pattern: re(
      String.raw`\b(?:returns?|outputs?)\s(?!(?:[\w-]+\s){0,2}${HARM}\b)(?:an?\s|the\s|one\s|a list of\s|a set of\s)?(?:[\w-]+\s){0,3}${OUTPUT_NOUN}s?\b`,
    ),
  },
  {
    id: 'en-output-is',
    lang: 'en',
    concepts: ['outputs'],
    pattern: re(
      String.raw`\b(?:the|its|model)\s(?!${HARM}\s)(?:[\w-]+\s)?outputs?\s(?:is|are|will be|consists? of|contains?|format|shape)\b`,
    ),
  },
  {
    id: 'en-generates-kind',
    lang: 'en',
    concepts: ['outputs'],
    pattern: re(
      String.raw`^(?!.*\b(?:must|should|may|can|do|does)(?:\snot|n't)\b)(?!.*\bnever\b).*\b(?:model|models|it|which|that|to|can|will|also|and|of|for)\s(?:[\w]+ly\s)?(?:generates?|generating|creates?|creating|synthesi[sz](?:es?|ing)|produces?|producing)\s(?:(?:high[- ]quality|realistic|photorealistic|short|long|coherent|natural|fluent|new|novel|diverse|detailed|high[- ]resolution|\d+[- ]second)\s)*(?:images?|videos?|audio|speech|music|sounds?|text|captions?|summar(?:y|ies)|translations?|3d\s(?:models?|meshes|objects?|assets?)|meshes|embeddings?|code|responses?|answers?|descriptions?|transcripts?|transcriptions?)\b`,
    ),
  },
  // English: training data.
  {
    id: 'en-trained-on',
    lang: 'en',
    concepts: ['training-data'],
    pattern: re(
      String.raw`\b(?:pre-?trained|trained|fine-?tuned|finetuned)\s(?:(?!tokenizer)[\w-]+\s){0,4}(?<!based\s)on\s(?!(?:an?\s|the\s)?(?:unknown|none)\b)(?!(?:~?\d+\s?(?:x\s?)?(?:[\w-]+\s)?(?:GPUs?|TPUs?|nodes|cores|machines)\b))(?:the\s|a\s|an\s|~?\d|[\w]+\s(?:dataset|corpus|data)\b)`,
    ),
  },
  {
    id: 'en-trained-with-count',
    lang: 'en',
    concepts: ['training-data'],
    pattern: re(
      String.raw`\b(?:pre-?trained|trained|fine-?tuned|finetuned|distilled|tuned)\s(?:[\w-]+\s){0,3}(?:on|with|using)\s(?:~|about\s|around\s|over\s|more than\s|roughly\s|approximately\s|nearly\s)?\d(?![\d.,]*[x×]\d)[\d.,]*\s?(?:[kmbt]\b|thousand|million|billion|trillion)?\s?(?:[\w-]+\s){0,3}(?:instructions?|examples?|samples?|tokens?|images?|pairs?|sentences?|documents?|hours?|conversations?|dialogues?|utterances?|records?|rows?|texts?|words?|clips?|videos?|prompts?|questions?|articles?|reviews?|tweets?|posts?)\b`,
    ),
  },
  {
    id: 'en-trained-on-name',
    lang: 'en',
    concepts: ['training-data'],
    pattern: re(
      String.raw`\b(?:[Pp]re-?trained|[Tt]rained|[Ff]ine-?tuned|[Ff]inetuned)\s(?:[a-z-]+\s){0,3}(?<!based\s)on\s(?:the\s)?(?!(?:Google|AWS|Amazon|Azure|NVIDIA|Nvidia|TPU|GPU|CPU|Colab|Kaggle|Apple|Intel|AMD|Gaudi|Lambda|SageMaker)\b)[A-Z][\w.-]*[A-Za-z0-9]`,
      'u',
    ),
  },
  {
    id: 'en-training-data-is',
    lang: 'en',
    concepts: ['training-data'],
    pattern: re(
      String.raw`\b(?:training|fine-?tuning|pre-?training|train)\s(?:data|dataset|datasets|corpus|corpora|set|split|mixture)\s(?:is|was|were|are|consists?|comprises|comprised|includes|included|contains|contained|came|comes|covers)\b|\b(?:data|dataset|datasets|corpus|corpora|examples)\s(?:used|collected|gathered)\s(?:for|to|in|during)\s(?:the\s)?(?:pre-?|fine-?)?(?:train|tun)`,
    ),
  },
  // English: evaluation.
  {
    id: 'en-achieves',
    lang: 'en',
    concepts: ['evaluation'],
    pattern: re(
      String.raw`\b(?:achieves?|achieved|achieving|obtains?|obtained|reaches|reached|scored|attains?|attained)\s(?:an?\s|the\s)?(?:[\w-]+\s){0,4}(?:\d+(?:\.\d+)?\s?%|\d*\.\d+|state[- ]of[- ]the[- ]art)|\b(?:outperforms?|outperformed|surpasses|surpassed)\b`,
    ),
  },
  {
    id: 'en-evaluated-on',
    lang: 'en',
    concepts: ['evaluation'],
    pattern: re(
      String.raw`\b(?:evaluated|benchmarked|assessed)\s(?:[\w-]+\s){0,3}(?:on|against|using|with)\s(?!python|pytorch|torch|transformers|version)`,
    ),
  },
  // English: limitations (both kinds).
  {
    id: 'en-fails',
    lang: 'en',
    concepts: ['limitations'],
    pattern: re(
      String.raw`\b(?:performs?\s(?:very\s|quite\s|relatively\s|significantly\s)?(?:poorly|worse)|struggles?\s(?:with|to)|(?:may|might|can|could|will|tends? to|is likely to|are likely to)\s(?:sometimes\s|occasionally\s|still\s|also\s)?(?:fail|hallucinate|make\s(?:mistakes|errors)|misclassify|confuse|underperform|degrade|be\s(?:biased|inaccurate|wrong|incorrect|unreliable|less\saccurate))|does\snot\s(?:work|perform|generali[sz]e)\s(?:well|as well))\b`,
    ),
  },
  {
    id: 'en-may-produce-harm',
    lang: 'en',
    concepts: ['limitations'],
    pattern: re(
      String.raw`\b(?:may|might|can|could|will|tends? to|is likely to|are likely to|sometimes|often|occasionally)\s(?:also\s|still\s)?(?:generate|produce|output|contain|reflect|reproduce|amplify|exhibit|perpetuate|inherit|include|return|give)s?\s(?:[\w-]+\s){0,4}(?:bias(?:es)?|biased|harmful|toxic|offensive|incorrect|inaccurate|false|unsafe|inappropriate|misleading|stereotypes?|stereotypical|hallucinations?|factual errors|errors|mistakes|objectionable|explicit|nsfw)\b`,
    ),
  },
  {
    id: 'en-not-filtered',
    lang: 'en',
    concepts: ['limitations'],
    pattern: re(
      String.raw`\b(?:has|have|was|were|is|are)(?:\snot|n't)\s(?:been\s)?(?:filtered|checked|tested|aligned|audited|moderated|red[- ]teamed|safety[- ]tuned|curated|verified|deduplicated)\b`,
    ),
  },
  {
    id: 'en-has-bias',
    lang: 'en',
    concepts: ['limitations'],
    pattern: re(
      String.raw`\b(?:model|it|dataset|data|corpus)\s(?:[\w-]+\s)?(?:has|have|shows?|exhibits?|inherits?|reflects?|contains?|carries|suffers from)\s(?:[\w-]+\s){0,3}(?:biases|bias|limitations|weaknesses|gaps)\b|\b(?:only\s(?:supports?|works?\s(?:on|with|for)|handles?|understands?)|is\slimited\sto|are\slimited\sto)\b`,
    ),
  },
  // English: hardware.
  {
    id: 'en-accelerator',
    lang: 'en',
    concepts: ['hardware'],
    pattern: re(
      String.raw`\b(?:A100|H100|H200|B200|V100|A10G?|A6000|L40S?|L4|T4|P100|K80|RTX ?\d{4}|GTX ?\d{4}|TPU ?v\d|TPUv\d|Gaudi ?\d?|MI\d{3}X?|Apple M[1-4]|Jetson [A-Z][\w]+)\b`,
      'u',
    ),
  },
  {
    id: 'en-gpu-count',
    lang: 'en',
    concepts: ['hardware'],
    pattern: re(String.raw`\b\d+\s?(?:x\s?|×\s?)?(?:[\w-]+\s)?(?:GPUs?|TPUs?|TPU\score|accelerators|GPU\snodes)\b`),
  },
  {
    id: 'en-requires-gpu',
    lang: 'en',
    concepts: ['hardware'],
    pattern: re(
      String.raw`\b(?:requires?|required|needs?|needed|runs?\s(?:on|in)|fits?\s(?:on|in|into)|run it on|inference on)\s(?:[\w-]+\s){0,5}(?:GPUs?|TPUs?|CPUs?|VRAM|GB of\s(?:GPU\s|video\s)?(?:memory|RAM)|accelerators?)\b|\b(?:GPUs?|TPUs?|VRAM|GPU memory)\s(?:[\w-]+\s){0,3}(?:is|are)\s(?:required|needed|necessary|recommended)\b|\b\d+(?:\.\d+)?\s?GB\s(?:of\s)?(?:GPU\s|video\s|device\s)?(?:memory|VRAM|RAM)\b`,
    ),
  },
  {
    id: 'en-compute-time',
    lang: 'en',
    concepts: ['hardware'],
    pattern: re(
      String.raw`\bGPU[- ]hours?\b|\btook\s(?:about\s|around\s|roughly\s|approximately\s|less than\s)?\d[\d.,]*\s?(?:hours?|days?|minutes?|weeks?)\s(?:on|using|with)\b`,
    ),
  },
  // English: datasets.
  {
    id: 'en-dataset-is',
    lang: 'en',
    concepts: ['summary'],
    pattern: re(
      String.raw`\b(?:this|the|our)\s(?:[\w-]+\s){0,2}(?:dataset|corpus|benchmark|collection)\s(?:contains|consists|comprises|includes|is\s(?:an?|the)|provides|offers|was\s(?:created|built|collected|compiled|constructed))\b`,
    ),
  },
  {
    id: 'en-each-record',
    lang: 'en',
    concepts: ['structure'],
    pattern: re(
      String.raw`\b(?:each|every)\s(?:example|record|row|sample|instance|entry|item|line|file|data point|datapoint|conversation|document)\s(?:has|contains|consists|includes|is|holds|comprises|represents|corresponds)\b|\b(?:contains?|has|have|with|includes?|consists of)\s(?:the\s)?(?:following\s)?(?:\d+\s)?(?:fields|columns|features|keys|attributes)\b`,
    ),
  },
  {
    id: 'en-splits',
    lang: 'en',
    concepts: ['structure'],
    pattern: re(
      String.raw`\b(?:split|divided|partitioned)\s(?:[\w-]+\s){0,2}into\s(?:[\w,-]+\s){0,4}(?:train(?:ing)?|test|validation|dev)\b|\b(?:train|training),?\s(?:validation|dev|test)(?:,?\s(?:and\s)?(?:test|validation))?\s(?:splits?|sets?)\b`,
    ),
  },
  {
    id: 'en-collected-from',
    lang: 'en',
    concepts: ['creation'],
    pattern: re(
      String.raw`\b(?:was|were|is|are|been|data)\s(?:[\w-]+\s)?(?:collected|gathered|scraped|crawled|sourced|extracted|compiled|curated|obtained|derived|sampled|downloaded|translated|generated|synthesi[sz]ed|constructed|recorded)\s(?:[\w-]+\s){0,3}(?:from|by|using|with|via|through)\b|\b(?:annotated|labell?ed|transcribed|verified|reviewed|rated)\s(?:[\w-]+\s){0,2}by\s(?:[\w-]+\s){0,3}(?:annotators?|experts?|crowd[- ]?workers?|workers|humans?|volunteers|native speakers|authors|researchers|linguists|students|professionals|contractors|people)\b`,
    ),
  },
  {
    id: 'en-released-under',
    lang: 'en',
    concepts: ['license'],
    pattern: re(
      String.raw`\b(?:released|licensed|distributed|available|published|provided|shared|licenced)\sunder\s(?:the\s|a\s)?(?:[\w.-]+\s){0,3}(?:licen[cs]e|CC|MIT|Apache|GPL|terms|ODC-?[\w]*|CC0|BSD|Creative Commons|public domain)\b`,
    ),
  },
]);

export { OTHER_LANGUAGE_SENTENCES } from './sentencesOtherLanguages';
