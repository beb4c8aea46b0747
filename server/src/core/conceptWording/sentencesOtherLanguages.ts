/**
 * Sentence patterns in Chinese, Japanese, Korean, French, German, Spanish, Portuguese and Russian:
 * the same rule as in English (a subject or a verb phrase that states the fact, never a lone
 * keyword). Part of the wording data (index.ts).
 */
import type { ConceptId } from '../concepts';
import type { SentencePattern } from './sentences';
import { lazyPatterns, written, type WrittenPattern } from './unicodeWords';

/** `\b` and `\w` that know letters beyond ASCII; case-insensitive. */
const re = (source: string): WrittenPattern => written(source);

const INTENDED: readonly ConceptId[] = ['intended-use', 'uses'];
const NOT_INTENDED: readonly ConceptId[] = ['intended-use', 'uses', 'limitations'];
const LIMITS: readonly ConceptId[] = ['limitations'];
const TRAINING: readonly ConceptId[] = ['training-data'];

export const OTHER_LANGUAGE_SENTENCES: readonly SentencePattern[] = lazyPatterns([
  // Chinese.
  {
    id: 'zh-intended-for',
    lang: 'zh',
    concepts: INTENDED,
    pattern: re(String.raw`(?:模型|数据集|本项目|它)[^。；\n]{0,12}?(?:主要|仅|只|可以|可)?(?:用于|适用于|旨在|面向)`),
  },
  {
    id: 'zh-not-intended',
    lang: 'zh',
    concepts: NOT_INTENDED,
    pattern: re(String.raw`不(?:适用于|应(?:被)?用于|建议用于|得用于|能用于|可用于)`),
  },
  {
    id: 'zh-may-err',
    lang: 'zh',
    concepts: LIMITS,
    pattern: re(
      String.raw`(?:可能|会|容易)(?:会)?(?:产生|生成|输出|包含|出现|存在)[^。；\n]{0,15}?(?:错误|偏见|偏差|有害|不准确|虚假|幻觉|不当)|(?:存在|具有)[^。；\n]{0,8}?(?:局限|偏见|不足)`,
    ),
  },
  {
    id: 'zh-trained-on',
    lang: 'zh',
    concepts: TRAINING,
    pattern: re(
      String.raw`(?:在|基于|使用|利用|用)[^。；\n]{1,40}?(?:数据|语料|数据集|样本|指令|对话)[^。；\n]{0,10}?(?:上)?(?:进行|完成)?(?:了)?(?:训练|微调|预训练)|训练数据(?:集)?(?:为|是|包括|包含|来自|来源于)`,
    ),
  },
  {
    id: 'zh-io',
    lang: 'zh',
    concepts: ['inputs', 'outputs'],
    pattern: re(String.raw`(?:输入|输出)(?:为|是|：|:)|(?:根据|基于)[^。；\n]{1,20}?(?:生成|输出|预测)`),
  },
  // Japanese.
  {
    id: 'ja-intended-for',
    lang: 'ja',
    concepts: INTENDED,
    pattern: re(
      String.raw`(?:ために|向けに|用に)(?:設計|開発|作成|構築)され|(?:利用|使用)(?:すること)?を(?:想定|目的と)|(?:に|で)(?:使用|利用)(?:でき|可能)`,
    ),
  },
  {
    id: 'ja-not-intended',
    lang: 'ja',
    concepts: NOT_INTENDED,
    pattern: re(String.raw`(?:使用|利用)(?:は|を)?(?:想定していません|推奨しません|避けてください|しないでください)`),
  },
  {
    id: 'ja-may-err',
    lang: 'ja',
    concepts: LIMITS,
    pattern: re(
      String.raw`(?:誤った|不正確な|有害な|偏った|不適切な|事実と異なる)[^。\n]{0,25}?(?:可能性|場合|ことが)(?:が|も)?あります`,
    ),
  },
  {
    id: 'ja-trained-on',
    lang: 'ja',
    concepts: TRAINING,
    pattern: re(
      String.raw`(?:データ|コーパス|データセット)[^。\n]{0,15}?(?:で|を用いて|を使用して|を使って)[^。\n]{0,8}?(?:学習|訓練|ファインチューニング|事前学習|微調整)`,
    ),
  },
  {
    id: 'ja-io',
    lang: 'ja',
    concepts: ['inputs', 'outputs'],
    pattern: re(String.raw`(?:入力|出力)(?:は|として|：|:)`),
  },
  // Korean.
  {
    id: 'ko-intended-for',
    lang: 'ko',
    concepts: INTENDED,
    pattern: re(String.raw`(?:위해|위하여|용도로|목적으로)\s?(?:설계|개발|제작|사용)(?:되었|할 수|됩니다|하도록)`),
  },
  {
    id: 'ko-may-err',
    lang: 'ko',
    concepts: LIMITS,
    pattern: re(String.raw`(?:편향|오류|부정확|유해|잘못된|환각)[^.\n]{0,30}?(?:수 있습니다|있을 수|가능성이 있)`),
  },
  {
    id: 'ko-trained-on',
    lang: 'ko',
    concepts: TRAINING,
    pattern: re(
      String.raw`(?:데이터|데이터셋|코퍼스|말뭉치)[^.\n]{0,20}?(?:로|으로|에서|를 사용하여|을 사용하여|를 이용하여)\s?(?:사전\s?)?(?:학습|훈련|파인튜닝|미세\s?조정)`,
    ),
  },
  // French.
  {
    id: 'fr-intended-for',
    lang: 'fr',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:est|sont)\s(?:principalement\s|uniquement\s|surtout\s)?(?:destiné|conçu|prévu|pensé)e?s?\s(?:à|pour)\b|\bpeu(?:t|vent)\sêtre\sutilisée?s?\s(?:pour|afin|dans)\b`,
    ),
  },
  {
    id: 'fr-not-intended',
    lang: 'fr',
    concepts: NOT_INTENDED,
    pattern: re(
      String.raw`\bn'(?:est|sont)\spas\s(?:destiné|conçu|prévu|adapté)e?s?\b|\bne\sdoi(?:t|vent)\spas\sêtre\sutilisé`,
    ),
  },
  {
    id: 'fr-may-err',
    lang: 'fr',
    concepts: LIMITS,
    pattern: re(
      String.raw`\b(?:peut|peuvent|pourrait|pourraient)\s(?:[\w']+\s){0,2}(?:générer|produire|contenir|refléter|reproduire)\s(?:[\w'-]+\s){0,3}(?:biais|erreurs?|contenus?\s(?:inappropriés?|offensants?|nuisibles?|toxiques?)|réponses?\s(?:incorrectes?|fausses?|erronées?)|hallucinations?)`,
    ),
  },
  {
    id: 'fr-trained-on',
    lang: 'fr',
    concepts: TRAINING,
    pattern: re(
      String.raw`\b(?:pré-?)?(?:entraîné|entrainé|affiné|fine-?tuné|appris)e?s?\s(?:[\w'-]+\s){0,3}(?:sur|avec|à partir)\b`,
    ),
  },
  {
    id: 'fr-io',
    lang: 'fr',
    concepts: ['inputs', 'outputs'],
    pattern: re(
      String.raw`\b(?:prend|reçoit|accepte)\s(?:[\w'-]+\s){0,5}en\sentrée\b|\b(?:le modèle|il)\s(?:renvoie|retourne|prédit|produit|génère)\s(?:un|une|des|le|la|les)\b`,
    ),
  },
  // German.
  {
    id: 'de-intended-for',
    lang: 'de',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:ist|sind|wurde|wurden)\s(?:[\w]+\s){0,2}(?:für|zur?)\s(?:[\w-]+\s){0,5}(?:gedacht|vorgesehen|bestimmt|konzipiert|entwickelt)\b|\bkann\s(?:[\w]+\s){0,4}(?:verwendet|eingesetzt|genutzt)\swerden\b`,
    ),
  },
  {
    id: 'de-not-intended',
    lang: 'de',
    concepts: NOT_INTENDED,
    pattern: re(
      String.raw`\bnicht\s(?:für|zur?)\s(?:[\w-]+\s){0,4}(?:geeignet|gedacht|vorgesehen|bestimmt)\b|\bsollte\snicht\s(?:[\w]+\s){0,4}(?:verwendet|eingesetzt)\b`,
    ),
  },
  {
    id: 'de-may-err',
    lang: 'de',
    concepts: LIMITS,
    pattern: re(
      String.raw`\b(?:kann|können|könnte|könnten)\s(?:[\w]+\s){0,4}(?:Verzerrungen|Fehler|falsche|ungenaue|schädliche|voreingenommene|beleidigende|Halluzinationen)\b`,
    ),
  },
  {
    id: 'de-trained-on',
    lang: 'de',
    concepts: TRAINING,
    pattern: re(
      String.raw`\b(?:vor)?(?:trainiert|feinabgestimmt|feinjustiert|nachtrainiert|gefinetunt)\s(?:auf|mit)\b|\b(?:auf|mit)\s(?:[\w-]+\s){1,6}(?:vor)?(?:trainiert|feinabgestimmt|gefinetunt|nachtrainiert)\b`,
    ),
  },
  {
    id: 'de-io',
    lang: 'de',
    concepts: ['inputs', 'outputs'],
    pattern: re(
      String.raw`\b(?:nimmt|erwartet|akzeptiert|erhält)\s(?:[\w-]+\s){0,5}als\sEingabe\b|\b(?:Modell|es)\s(?:gibt|liefert)\s(?:[\w-]+\s){0,5}(?:aus|zurück)\b`,
    ),
  },
  // Spanish.
  {
    id: 'es-intended-for',
    lang: 'es',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:está|están|fue)\s(?:diseñad|pensad|destinad|creado|concebid)[oa]?s?\s(?:para|a)\b|\bpuede(?:n)?\s(?:ser\s)?(?:usad|utilizad)[oa]s?\spara\b|\bse\spuede\s(?:usar|utilizar)\spara\b`,
    ),
  },
  {
    id: 'es-not-intended',
    lang: 'es',
    concepts: NOT_INTENDED,
    pattern: re(
      String.raw`\bno\s(?:está|están|es)\s(?:diseñad|pensad|destinad|adecuad)[oa]s?\b|\bno\sdebe(?:n)?\s(?:ser\s)?(?:usar|utilizar|usad|utilizad)`,
    ),
  },
  {
    id: 'es-may-err',
    lang: 'es',
    concepts: LIMITS,
    pattern: re(
      String.raw`\bpuede(?:n)?\s(?:[\w]+\s){0,2}(?:generar|producir|contener|reflejar|reproducir)\s(?:[\w-]+\s){0,3}(?:sesgos?|errores|contenido\s(?:ofensivo|dañino|inapropiado|tóxico)|respuestas\s(?:incorrectas|falsas|erróneas)|alucinaciones)`,
    ),
  },
  {
    id: 'es-trained-on',
    lang: 'es',
    concepts: TRAINING,
    pattern: re(String.raw`\b(?:pre)?(?:entrenad|ajustad|afinad)[oa]s?\s(?:[\w-]+\s){0,3}(?:con|en|sobre)\b`),
  },
  // Portuguese.
  {
    id: 'pt-intended-for',
    lang: 'pt',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:é|são|foi)\s(?:destinad|projetad|pensad|criad|desenvolvid)[oa]s?\s(?:para|a)\b|\bpode(?:m)?\sser\s(?:usad|utilizad)[oa]s?\spara\b`,
    ),
  },
  {
    id: 'pt-not-intended',
    lang: 'pt',
    concepts: NOT_INTENDED,
    pattern: re(
      String.raw`\bnão\s(?:é|são|foi)\s(?:destinad|projetad|pensad|adequad|indicad)[oa]s?\b|\bnão\sdeve(?:m)?\sser\s(?:usad|utilizad)`,
    ),
  },
  {
    id: 'pt-may-err',
    lang: 'pt',
    concepts: LIMITS,
    pattern: re(
      String.raw`\bpode(?:m)?\s(?:[\w]+\s){0,2}(?:gerar|produzir|conter|refletir|reproduzir)\s(?:[\w-]+\s){0,3}(?:vieses|viés|erros|conteúdo\s(?:ofensivo|nocivo|inadequado|tóxico)|respostas\s(?:incorretas|falsas|erradas)|alucinações)`,
    ),
  },
  {
    id: 'pt-trained-on',
    lang: 'pt',
    concepts: TRAINING,
    pattern: re(String.raw`\b(?:pré-?)?(?:treinad|ajustad|afinad)[oa]s?\s(?:[\w-]+\s){0,3}(?:com|em|sobre|usando)\b`),
  },
  // Russian.
  {
    id: 'ru-intended-for',
    lang: 'ru',
    concepts: INTENDED,
    pattern: re(
      String.raw`\b(?:предназначен|разработан|создан)[аоы]?\s(?:для|в целях)\b|\bможет\s(?:быть\s)?использоват`,
    ),
  },
  {
    id: 'ru-not-intended',
    lang: 'ru',
    concepts: NOT_INTENDED,
    pattern: re(String.raw`\bне\s(?:предназначен|подходит|рекомендуется)|\bне\sследует\sиспользовать\b`),
  },
  {
    id: 'ru-may-err',
    lang: 'ru',
    concepts: LIMITS,
    pattern: re(
      String.raw`\bмо(?:жет|гут)\s(?:[\w]+\s){0,3}(?:генерировать|выдавать|содержать|отражать|давать|допускать)\s(?:[\w-]+\s){0,3}(?:предвзят|ошибк|неточн|вредн|оскорбит|галлюцинац|некорректн)`,
    ),
  },
  {
    id: 'ru-trained-on',
    lang: 'ru',
    concepts: TRAINING,
    pattern: re(String.raw`\b(?:обучен|дообучен|предобучен|натренирован)[аоы]?\s(?:на|с использованием)\b`),
  },
  {
    id: 'ru-io',
    lang: 'ru',
    concepts: ['inputs', 'outputs'],
    pattern: re(String.raw`\bна\sвход(?:е)?\b|\bна\sвыход(?:е)?\b|\bпринимает\s(?:[\w-]+\s){0,4}на\sвход\b`),
  },
]);
