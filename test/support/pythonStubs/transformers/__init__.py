"""Stand-in for transformers: pipeline() and the Auto classes, with the real call shapes.

CARDWRIGHT_STUB_TRANSFORMERS=5 makes it transformers 5: no summarization, translation,
text2text-generation, question-answering, visual-question-answering, image-to-text or
image-to-image pipeline (pipeline() raises KeyError, as 5.x does), and no AutoModelForVision2Seq.
"""
import os

import numpy as np

MAJOR = int(os.environ.get('CARDWRIGHT_STUB_TRANSFORMERS', '4'))
__version__ = '%d.0.0+stub' % MAJOR

# transformers 4's pipeline task names (SUPPORTED_TASKS and aliases).
V4_TASKS = {
    'audio-classification', 'automatic-speech-recognition', 'depth-estimation', 'document-question-answering',
    'feature-extraction', 'fill-mask', 'image-classification', 'image-feature-extraction', 'image-segmentation',
    'image-text-to-text', 'image-to-image', 'image-to-text', 'mask-generation', 'object-detection',
    'question-answering', 'summarization', 'table-question-answering', 'text2text-generation',
    'text-classification', 'text-generation', 'text-to-audio', 'token-classification', 'translation',
    'video-classification', 'visual-question-answering', 'zero-shot-classification',
    'zero-shot-image-classification', 'zero-shot-audio-classification', 'zero-shot-object-detection',
    'sentiment-analysis', 'ner', 'vqa', 'text-to-speech',
}
# What 5.x removed (its migration guide): old single-purpose pipelines, superseded by chat models.
REMOVED_IN_V5 = {
    'summarization', 'translation', 'text2text-generation', 'question-answering', 'visual-question-answering',
    'vqa', 'image-to-text', 'image-to-image',
}
PIPELINE_TASKS = V4_TASKS - REMOVED_IN_V5 if MAJOR >= 5 else V4_TASKS
IMAGE_TASKS = {
    'image-classification', 'object-detection', 'image-segmentation', 'depth-estimation', 'image-to-text',
    'image-feature-extraction', 'image-to-image', 'mask-generation', 'zero-shot-image-classification',
    'zero-shot-object-detection', 'visual-question-answering', 'document-question-answering', 'image-text-to-text',
}
AUDIO_TASKS = {'automatic-speech-recognition', 'audio-classification', 'zero-shot-audio-classification'}


def _is_image(value):
    return hasattr(value, 'size') and hasattr(value, 'mode')


def _audio_input(inputs):
    """As the real audio pipelines' preprocess: a dict is consumed (its keys popped), and what is
    left must be a numpy array (a list is refused)."""
    if isinstance(inputs, dict):
        if not ('sampling_rate' in inputs and 'raw' in inputs):
            raise ValueError(
                'When passing a dictionary to AutomaticSpeechRecognitionPipeline, the dict needs to contain a "raw" '
                'key containing the numpy array representing the audio and a "sampling_rate" key'
            )
        raw = inputs.pop('raw')
        inputs.pop('sampling_rate')
        inputs = raw
    if not isinstance(inputs, np.ndarray):
        raise TypeError('We expect a numpy ndarray or torch tensor as input, got %s' % type(inputs).__name__)
    return inputs


class _Config:
    _commit_hash = 'stub-commit'
    is_encoder_decoder = False
    decoder_start_token_id = 0


class _Named:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


class _Pipeline:
    def __init__(self, task, device):
        self.task = task
        self.device = device or 'cpu'
        self.model = _Named(config=_Config(), device=self.device)
        self.tokenizer = _Named(mask_token='[MASK]')
        self.feature_extractor = _Named(sampling_rate=16000)

    def __call__(self, *args, **kwargs):
        if self.task in AUDIO_TASKS:
            _audio_input(args[0] if args else kwargs.get('inputs'))
            return [{'label': 'stub', 'score': 1.0}]
        values = list(args) + list(kwargs.values())
        wanted = _is_image if self.task in IMAGE_TASKS else (lambda value: isinstance(value, (str, dict)))
        if not any(wanted(value) for value in values):
            raise TypeError('%s pipeline called without a fitting input: %r' % (self.task, values))
        if self.task == 'fill-mask' and '[MASK]' not in args[0]:
            raise ValueError('no mask token in the input')
        return [{'label': 'stub', 'score': 1.0}]


def pipeline(task, model=None, device=None, **kwargs):
    if task not in PIPELINE_TASKS:
        raise KeyError('Unknown task %s, available tasks are %s' % (task, sorted(PIPELINE_TASKS)))
    return _Pipeline(task, device)


class _Batch(dict):
    def to(self, device):
        return self


class _Processor:
    sampling_rate = 16000

    @classmethod
    def from_pretrained(cls, model, **kwargs):
        return cls()

    def __call__(self, *args, **kwargs):
        import torch  # only here: the pipeline scripts never need it

        return _Batch(input_ids=torch.ones((1, 4), dtype=torch.long))


class AutoTokenizer(_Processor):
    pass


class AutoImageProcessor(_Processor):
    def __call__(self, images=None, **kwargs):
        if not _is_image(images):
            raise TypeError('an image processor takes images=')
        return super().__call__()


class AutoFeatureExtractor(_Processor):
    pass


class AutoProcessor(_Processor):
    def __call__(self, images=None, text=None, **kwargs):
        if images is not None and not _is_image(images):
            raise TypeError('images= must be images')
        return super().__call__()


class AutoModel:
    config = _Config()
    device = 'cpu'
    generative = False

    @classmethod
    def from_pretrained(cls, model, **kwargs):
        return cls()

    def to(self, device):
        self.device = device
        return self

    def eval(self):
        return self

    def can_generate(self):
        return self.generative

    def __call__(self, **inputs):
        return {'last_hidden_state': inputs['input_ids'].float()}

    def generate(self, max_new_tokens=None, **inputs):
        if not self.generative:
            raise TypeError('%s cannot generate' % type(self).__name__)
        if not max_new_tokens:
            raise ValueError('max_new_tokens expected')
        return inputs['input_ids']


class AutoModelForSeq2SeqLM(AutoModel):
    generative = True


class AutoModelForImageTextToText(AutoModel):
    generative = True


class AutoModelForQuestionAnswering(AutoModel):
    pass


class AutoModelForVisualQuestionAnswering(AutoModel):
    pass


class AutoModelForImageToImage(AutoModel):
    pass


if MAJOR < 5:

    class AutoModelForVision2Seq(AutoModel):
        generative = True
