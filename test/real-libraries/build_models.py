"""Builds tiny, randomly initialised models with the real ML libraries, offline (nothing is
downloaded), one folder each, and prints a JSON manifest of what it built and what it skipped.

Usage: python build_models.py OUT_DIR

Each entry: {"name", "folder", "metadata"} (the card's front matter) or {"name", "skipped"} with
the reason. A library that is missing skips its models; one model failing to build skips it alone.
"""
import json
import os
import sys
import traceback

OUT = sys.argv[1]
WORDS = ['the', 'a', 'model', 'card', 'cat', 'dog', 'good', 'bad', 'film', 'paris', 'france', 'is', 'of', 'what']
SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', '[BOS]', '[EOS]']
built = []


def model(name, metadata):
    """Decorator: runs the builder into OUT/name and records the card metadata, or why it was skipped."""

    def register(build):
        folder = os.path.join(OUT, name)
        try:
            os.makedirs(folder, exist_ok=True)
            build(folder)
            built.append({'name': name, 'folder': folder, 'metadata': metadata})
        except ImportError as missing:
            built.append({'name': name, 'skipped': 'not installed: %s' % missing.name})
        except Exception:  # noqa: BLE001 (one model failing to build must not stop the others)
            built.append({'name': name, 'skipped': 'build failed: ' + traceback.format_exc(limit=3)})
        return build

    return register


def tokenizer():
    """A word-level fast tokenizer over a tiny vocabulary, built with `tokenizers` (no download)."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    vocab = {token: index for index, token in enumerate(SPECIALS + WORDS)}
    core = Tokenizer(models.WordLevel(vocab, unk_token='[UNK]'))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    core.post_processor = processors.TemplateProcessing(
        single='[CLS] $A [SEP]', pair='[CLS] $A [SEP] $B [SEP]', special_tokens=[('[CLS]', 2), ('[SEP]', 3)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=core, unk_token='[UNK]', pad_token='[PAD]', cls_token='[CLS]', sep_token='[SEP]',
        mask_token='[MASK]', bos_token='[BOS]', eos_token='[EOS]',
    )


def vocab_size():
    return len(SPECIALS) + len(WORDS)


def bert_config(**extra):
    from transformers import BertConfig

    return BertConfig(vocab_size=vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                      intermediate_size=37, max_position_embeddings=64, **extra)


def save_bert(folder, cls, **extra):
    import transformers

    getattr(transformers, cls)(bert_config(**extra)).save_pretrained(folder)
    tokenizer().save_pretrained(folder)


TEXT_CLASSIFIER = dict(id2label={0: 'negative', 1: 'positive'}, label2id={'negative': 0, 'positive': 1})
NLI = dict(id2label={0: 'contradiction', 1: 'neutral', 2: 'entailment'},
           label2id={'contradiction': 0, 'neutral': 1, 'entailment': 2})


@model('bert-text-classification', {'library_name': 'transformers', 'pipeline_tag': 'text-classification'})
def _(folder):
    save_bert(folder, 'BertForSequenceClassification', **TEXT_CLASSIFIER)


@model('bert-token-classification', {'library_name': 'transformers', 'pipeline_tag': 'token-classification'})
def _(folder):
    save_bert(folder, 'BertForTokenClassification', **TEXT_CLASSIFIER)


@model('bert-fill-mask', {'library_name': 'transformers', 'pipeline_tag': 'fill-mask'})
def _(folder):
    save_bert(folder, 'BertForMaskedLM')


@model('bert-feature-extraction', {'library_name': 'transformers', 'pipeline_tag': 'feature-extraction'})
def _(folder):
    save_bert(folder, 'BertModel')


@model('bert-question-answering', {'library_name': 'transformers', 'pipeline_tag': 'question-answering'})
def _(folder):
    save_bert(folder, 'BertForQuestionAnswering')


@model('bert-zero-shot', {'library_name': 'transformers', 'pipeline_tag': 'zero-shot-classification'})
def _(folder):
    save_bert(folder, 'BertForSequenceClassification', **NLI)


@model('gpt2-text-generation', {'library_name': 'transformers', 'pipeline_tag': 'text-generation'})
def _(folder):
    from transformers import GPT2Config, GPT2LMHeadModel

    tok = tokenizer()
    config = GPT2Config(vocab_size=vocab_size(), n_positions=64, n_embd=32, n_layer=2, n_head=2,
                        bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
    GPT2LMHeadModel(config).save_pretrained(folder)
    tok.save_pretrained(folder)


def save_bart(folder):
    from transformers import BartConfig, BartForConditionalGeneration

    tok = tokenizer()
    config = BartConfig(vocab_size=vocab_size(), d_model=32, encoder_layers=2, decoder_layers=2,
                        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=37, decoder_ffn_dim=37,
                        max_position_embeddings=64, pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id,
                        eos_token_id=tok.eos_token_id, decoder_start_token_id=tok.bos_token_id,
                        forced_bos_token_id=None, forced_eos_token_id=None)
    BartForConditionalGeneration(config).save_pretrained(folder)
    tok.save_pretrained(folder)


for _task in ('summarization', 'translation', 'text2text-generation'):
    model('bart-' + _task, {'library_name': 'transformers', 'pipeline_tag': _task})(save_bart)


def vit_config(**extra):
    from transformers import ViTConfig

    return ViTConfig(image_size=32, patch_size=8, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=37, **extra)


def image_processor():
    from transformers import ViTImageProcessor

    return ViTImageProcessor(size={'height': 32, 'width': 32})


@model('vit-image-classification', {'library_name': 'transformers', 'pipeline_tag': 'image-classification'})
def _(folder):
    from transformers import ViTForImageClassification

    ViTForImageClassification(vit_config(**TEXT_CLASSIFIER)).save_pretrained(folder)
    image_processor().save_pretrained(folder)


@model('vit-image-feature-extraction', {'library_name': 'transformers', 'pipeline_tag': 'image-feature-extraction'})
def _(folder):
    from transformers import ViTModel

    ViTModel(vit_config()).save_pretrained(folder)
    image_processor().save_pretrained(folder)


@model('vit-gpt2-image-to-text', {'library_name': 'transformers', 'pipeline_tag': 'image-to-text'})
def _(folder):
    from transformers import GPT2Config, GPT2LMHeadModel, ViTModel, VisionEncoderDecoderModel

    tok = tokenizer()
    decoder = GPT2LMHeadModel(GPT2Config(vocab_size=vocab_size(), n_positions=64, n_embd=32, n_layer=2, n_head=2,
                                         add_cross_attention=True, bos_token_id=tok.bos_token_id,
                                         eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id))
    net = VisionEncoderDecoderModel(encoder=ViTModel(vit_config()), decoder=decoder)
    net.config.decoder_start_token_id = tok.bos_token_id
    net.config.pad_token_id = tok.pad_token_id
    net.generation_config.decoder_start_token_id = tok.bos_token_id
    net.generation_config.pad_token_id = tok.pad_token_id
    net.save_pretrained(folder)
    image_processor().save_pretrained(folder)
    tok.save_pretrained(folder)


def save_wav2vec2(folder, cls, **extra):
    import transformers
    from transformers import Wav2Vec2Config, Wav2Vec2CTCTokenizer, Wav2Vec2FeatureExtractor, Wav2Vec2Processor

    letters = list("abcdefghijklmnopqrstuvwxyz'")
    vocab = {'<pad>': 0, '<s>': 1, '</s>': 2, '<unk>': 3, '|': 4, **{c: i + 5 for i, c in enumerate(letters)}}
    with open(os.path.join(folder, 'vocab.json'), 'w') as file:
        json.dump(vocab, file)
    tok = Wav2Vec2CTCTokenizer(os.path.join(folder, 'vocab.json'))
    features = Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0,
                                        do_normalize=True, return_attention_mask=False)
    Wav2Vec2Processor(feature_extractor=features, tokenizer=tok).save_pretrained(folder)
    config = Wav2Vec2Config(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                            intermediate_size=37, conv_dim=(32, 32), conv_stride=(5, 2), conv_kernel=(10, 3),
                            num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=2, pad_token_id=0, **extra)
    getattr(transformers, cls)(config).save_pretrained(folder)


@model('wav2vec2-asr', {'library_name': 'transformers', 'pipeline_tag': 'automatic-speech-recognition'})
def _(folder):
    save_wav2vec2(folder, 'Wav2Vec2ForCTC')


@model('wav2vec2-audio-classification', {'library_name': 'transformers', 'pipeline_tag': 'audio-classification'})
def _(folder):
    save_wav2vec2(folder, 'Wav2Vec2ForSequenceClassification', **TEXT_CLASSIFIER)


@model('sentence-transformers', {'library_name': 'sentence-transformers', 'pipeline_tag': 'sentence-similarity'})
def _(folder):
    from sentence_transformers import SentenceTransformer, models

    bert = os.path.join(OUT, '_bert-for-sentence-transformers')
    save_bert(bert, 'BertModel')
    transformer = models.Transformer(bert)
    SentenceTransformer(modules=[transformer, models.Pooling(transformer.get_word_embedding_dimension())]).save(folder)


@model('timm-image-classification', {'library_name': 'timm', 'pipeline_tag': 'image-classification'})
def _(folder):
    import timm

    try:
        from timm.models import save_for_hf
    except ImportError:  # where it is not re-exported
        from timm.models._hub import save_for_hf

    save_for_hf(timm.create_model('resnet10t', pretrained=False, num_classes=10), folder)


def small_convnet():
    import torch

    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, stride=2), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1),
                               torch.nn.Flatten(), torch.nn.Linear(8, 10)).eval()


@model('torchscript-image-classification', {'library_name': 'pytorch', 'pipeline_tag': 'image-classification'})
def _(folder):
    import torch

    torch.jit.save(torch.jit.trace(small_convnet(), torch.randn(1, 3, 224, 224)), os.path.join(folder, 'model.pt'))


@model('onnx-image-classification', {'library_name': 'onnx', 'pipeline_tag': 'image-classification'})
def _(folder):
    import onnxruntime  # noqa: F401 (nothing to run the export with otherwise)
    import torch

    path = os.path.join(folder, 'model.onnx')
    args = dict(input_names=['pixel_values'], output_names=['logits'],
                dynamic_axes={'pixel_values': {0: 'batch', 2: 'height', 3: 'width'}})
    try:
        torch.onnx.export(small_convnet(), (torch.randn(1, 3, 224, 224),), path, dynamo=False, **args)
    except TypeError:  # a torch older than the dynamo exporter has no such argument
        torch.onnx.export(small_convnet(), (torch.randn(1, 3, 224, 224),), path, **args)


@model('sklearn-tabular-classification', {'library_name': 'sklearn', 'pipeline_tag': 'tabular-classification'})
def _(folder):
    import joblib
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    features, labels = load_iris(return_X_y=True)
    joblib.dump(LogisticRegression(max_iter=500).fit(features, labels), os.path.join(folder, 'model.joblib'))


def cuda_devices():
    """What can run on CUDA here: torch with a GPU, and onnxruntime with its CUDA provider."""
    found = {}
    try:
        import torch

        if torch.cuda.is_available():
            found['torch'] = torch.cuda.get_device_name(0)
    except ImportError:
        pass
    try:
        import onnxruntime

        found['onnxruntime'] = 'CUDAExecutionProvider' in onnxruntime.get_available_providers()
    except ImportError:
        pass
    return found


print(json.dumps({'models': built, 'cuda': cuda_devices()}))
