import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentences } from '../../server/src/core/conceptMatch';
import { SENTENCES, sentencesFor } from '../../server/src/core/conceptWording';

/**
 * For every sentence pattern: sentences of our own it must take, and near misses it must not
 * (checked against every pattern of the same concepts, so no other pattern takes them either).
 */
const EXAMPLES: Record<string, { yes: string[]; no?: string[] }> = {
  'en-intended-for': {
    yes: [
      'This model is intended for sorting customer e-mails by department.',
      'The checkpoint was designed to be used as a starting point for fine-tuning on legal text.',
    ],
    no: ['We intended to release the weights in March.'],
  },
  'en-not-intended': {
    yes: [
      'The model is not intended for medical diagnosis.',
      'It should not be used to make decisions about individuals.',
      "These weights aren't suitable for production use.",
    ],
  },
  'en-can-be-used': {
    yes: ['The model can be used for zero-shot topic labelling of news headlines.'],
    no: ['bitsandbytes can be used to load the weights in 4 bits.'],
  },
  'en-purpose-only': { yes: ['The weights are released for research purposes only.'] },
  'en-suited-for': {
    yes: [
      'It is particularly well suited for short, informal text such as tweets.',
      'Out-of-scope uses include surveillance.',
    ],
  },
  'en-takes-input': {
    yes: ['The classifier takes a single RGB photo as the input.', 'It accepts English and German text inputs.'],
    no: ['Users must not input personal data into the demo.'],
  },
  'en-input-is': {
    yes: ['The model input is a mono waveform.', 'The model supports a context window of 8192 tokens.'],
    no: ['We trained with a maximum sequence length of 128 and a batch size of 32.'],
  },
  'en-sample-rate': {
    yes: ['Make sure your recordings are sampled at 16 kHz.', 'It works on 16kHz mono audio only.'],
  },
  'en-given': {
    yes: ['Given a product review of up to 512 tokens, the model predicts the star rating from 1 to 5.'],
    no: ['Given the small dataset, the model may overfit.'],
  },
  'en-generate-from': {
    yes: [
      'It can generate images based on text prompts.',
      'The pipeline generates 4-second clips from a single still image.',
    ],
    no: ['The model must not be used for generating images from photos of real people without consent.'],
  },
  'en-maps-to': {
    yes: ['It maps sentences & paragraphs to a 384 dimensional dense vector space.'],
    no: ['It turns out to be slower on CPUs.'],
  },
  'en-produces-outputs': {
    yes: ['Idefics accepts interleaved images and text and produces text outputs.'],
    no: ['Users must not produce harmful outputs with this model.'],
  },
  'en-predicts': {
    yes: ['The model predicts one of 28 emotion labels for each comment.'],
    no: ['The model generates harmful content when prompted adversarially.'],
  },
  'en-returns': {
    yes: [
      'Calling the endpoint returns a video that matches the prompt.',
      'The head outputs a probability for each class.',
    ],
    no: ['It may amplify those biases and return toxic responses.'],
  },
  'en-output-is': {
    yes: ['The output is a JSON object with a label and a score.'],
    no: ['The harmful outputs are filtered by a second model.'],
  },
  'en-generates-kind': {
    yes: ['This is a latent diffusion model that generates photorealistic images.'],
    no: ['This includes generating audio that people would find disturbing.', 'Try it for free: Generate Images'],
  },
  'en-trained-on': {
    yes: ['The model was fine-tuned on the conll2003 dataset.', 'It was trained on ~900 Taboo cards.'],
    no: ['The model was trained on 8 A100 GPUs.', 'This model was trained on an unknown dataset.'],
  },
  'en-trained-with-count': {
    yes: ['The adapter was trained with 78k instructions written by volunteers.'],
    no: ['Use it with an SDXL model that has been fine-tuned with 512x512 images.'],
  },
  'en-trained-on-name': {
    yes: ['This checkpoint is ALBERT base v2 fine-tuned on SQuAD2.0.'],
    no: ['We release three pretrained language models based on BERT.', 'It was trained on Google Cloud.'],
  },
  'en-training-data-is': {
    yes: [
      'The training data consists of 12,000 annotated invoices.',
      'The dataset used for fine-tuning was collected in 2023.',
    ],
  },
  'en-achieves': {
    yes: ['The model achieves 92.4% accuracy on the held-out set.', 'It outperforms the baseline on every task.'],
  },
  'en-evaluated-on': {
    yes: ['We evaluated the model on the MTEB retrieval tasks.'],
    no: ['The script was evaluated with Python 3.11.'],
  },
  'en-fails': {
    yes: ['It performs poorly on code-switched text.', 'The model may hallucinate facts about people.'],
  },
  'en-may-produce-harm': {
    yes: ['Like other language models, it can generate biased or offensive text.'],
    no: ['Users must not produce harmful outputs.'],
  },
  'en-not-filtered': { yes: ['The training corpus has not been filtered for harmful content.'] },
  'en-has-bias': {
    yes: ['The dataset reflects the gender biases of its sources.', 'The model only supports English.'],
  },
  'en-accelerator': { yes: ['Training took two days on a single A100.'], no: ['See the t4 branch for details.'] },
  'en-gpu-count': { yes: ['8 GPUs are required to serve the full model.'] },
  'en-requires-gpu': {
    yes: ['Inference requires at least 24 GB of GPU memory.', 'A GPU is recommended for real-time use.'],
  },
  'en-compute-time': { yes: ['Pre-training used 1,200 GPU hours.', 'Fine-tuning took 3 hours on a laptop.'] },
  'en-dataset-is': { yes: ['This dataset contains 40,000 questions about Dutch tax law.'] },
  'en-each-record': {
    yes: ['Each example has a question, a context and an answer span.', 'The file has the following fields:'],
  },
  'en-splits': { yes: ['The data is split into train, validation and test sets.'] },
  'en-collected-from': {
    yes: ['The posts were scraped from public forums in 2022.', 'Every label was verified by two native speakers.'],
  },
  'en-released-under': { yes: ['The data is released under the CC BY 4.0 license.'] },
  'zh-intended-for': { yes: ['本模型主要用于中文新闻标题的情感分类。'], no: ['用于训练的数据来自公开网页。'] },
  'zh-not-intended': { yes: ['该模型不适用于医疗诊断等高风险场景。'] },
  'zh-may-err': { yes: ['模型可能会生成带有偏见或不准确的内容。'] },
  'zh-trained-on': { yes: ['我们在 5 万条客服对话数据上进行了微调。'] },
  'zh-io': { yes: ['模型的输入为一段中文文本，输出为情感标签。'] },
  'ja-intended-for': { yes: ['このモデルは日本語の議事録を要約するために設計されました。'] },
  'ja-not-intended': { yes: ['医療目的での利用は想定していません。'] },
  'ja-may-err': { yes: ['モデルは誤った情報を生成する可能性があります。'] },
  'ja-trained-on': { yes: ['社内の問い合わせデータを用いてファインチューニングしました。'] },
  'ja-io': { yes: ['入力は16kHzの音声です。'] },
  'ko-intended-for': { yes: ['이 모델은 한국어 리뷰 분류를 위해 개발되었습니다.'] },
  'ko-may-err': { yes: ['모델은 편향된 결과를 생성할 수 있습니다.'] },
  'ko-trained-on': { yes: ['공개된 뉴스 데이터셋으로 학습했습니다.'] },
  'fr-intended-for': { yes: ['Ce modèle est destiné à la classification de courriels.'] },
  'fr-not-intended': { yes: "Ce modèle n'est pas conçu pour un usage médical.".split('|') },
  'fr-may-err': { yes: ['Le modèle peut générer des réponses incorrectes.'] },
  'fr-trained-on': { yes: ['Le modèle a été entraîné sur 2 Go de textes juridiques.'] },
  'fr-io': { yes: ['Le modèle prend une image en entrée.'] },
  'de-intended-for': { yes: ['Das Modell ist für die Klassifikation von Kundenanfragen gedacht.'] },
  'de-not-intended': { yes: ['Es ist nicht für medizinische Diagnosen geeignet.'] },
  'de-may-err': { yes: ['Das Modell kann falsche oder voreingenommene Antworten erzeugen.'] },
  'de-trained-on': { yes: ['Das Modell wurde auf deutschen Nachrichtenartikeln trainiert.'] },
  'de-io': { yes: ['Das Modell nimmt einen Satz als Eingabe.'] },
  'es-intended-for': { yes: ['El modelo está diseñado para clasificar reseñas de productos.'] },
  'es-not-intended': { yes: ['No está pensado para diagnósticos médicos.'] },
  'es-may-err': { yes: ['El modelo puede generar respuestas incorrectas o sesgos.'] },
  'es-trained-on': { yes: ['Fue entrenado con 10.000 noticias en español.'] },
  'pt-intended-for': { yes: ['O modelo foi projetado para classificar avaliações de clientes.'] },
  'pt-not-intended': { yes: ['Não é adequado para uso clínico.'] },
  'pt-may-err': { yes: ['O modelo pode gerar respostas incorretas.'] },
  'pt-trained-on': { yes: ['Foi treinado com notícias em português.'] },
  'ru-intended-for': { yes: ['Модель предназначена для классификации отзывов.'] },
  'ru-not-intended': { yes: ['Модель не предназначена для медицинских целей.'] },
  'ru-may-err': { yes: ['Модель может выдавать неточные ответы.'] },
  'ru-trained-on': { yes: ['Модель обучена на новостных статьях.'] },
  'ru-io': { yes: ['На вход модель принимает текст на русском языке.'] },
};

describe('sentence patterns (conceptWording)', () => {
  it('every pattern has examples, and every example names a pattern', () => {
    const ids = SENTENCES.map((sentence) => sentence.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepEqual(
      ids.filter((id) => !(id in EXAMPLES)),
      [],
    );
    assert.deepEqual(
      Object.keys(EXAMPLES).filter((id) => !ids.includes(id)),
      [],
    );
  });

  for (const sentence of SENTENCES) {
    it(`${sentence.id} (${sentence.concepts.join(', ')})`, () => {
      const examples = EXAMPLES[sentence.id];
      assert.ok(examples && examples.yes.length > 0);
      for (const yes of examples.yes) {
        const split = sentences(yes);
        assert.ok(
          split.some((one) => sentence.pattern.test(one)),
          `${sentence.id} should take: ${yes}`,
        );
      }
      for (const no of examples.no ?? []) {
        for (const concept of sentence.concepts) {
          const taken = sentencesFor(concept).find(({ pattern }) => sentences(no).some((one) => pattern.test(one)));
          assert.equal(taken?.id, undefined, `no ${concept} pattern should take: ${no}`);
        }
      }
    });
  }
});
