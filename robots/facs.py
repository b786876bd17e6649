"""The tables of the face: FACS action units, EMFACS emotion prototypes, ARKit's 52 blendshapes.

Sources:
- Action units: Ekman, Friesen & Hager (2002), *Facial Action Coding System: the manual*; AU
  intensities A-E (trace..maximum) are read here as 0.2, 0.4, 0.6, 0.8, 1.0.
- Emotion prototypes: EMFACS-7 (Friesen & Ekman 1983), the AU combinations listed as the
  prototypes of the six basic emotions and contempt (as tabulated in Matsumoto & Ekman 2008,
  "Facial expression analysis", Scholarpedia 3(5):4237): happiness 6+12; sadness 1+4+15;
  surprise 1+2+5B+26; fear 1+2+4+5+7+20+26; anger 4+5+7+23; disgust 9+15+16; contempt R12A+R14A.
  Optional AUs of a prototype (17 in sadness, 10 in disgust, 24 in anger) carry a lower weight.
- Blendshape names and their meaning: Apple ARKit, ``ARFaceAnchor.BlendShapeLocation`` (52
  coefficients in [0, 1]). Each AU maps to the blendshapes whose documented motion is that AU's
  (e.g. ``browInnerUp`` "upward movement of the inner portion of both eyebrows" is AU1). ARKit
  names sides from the face's own point of view (``...Left`` is the face's left).
"""

from __future__ import annotations

from collections.abc import Mapping

# Apple ARKit ARFaceAnchor.BlendShapeLocation, in Apple's documentation order.
ARKIT_BLENDSHAPES: tuple[str, ...] = (
    "eyeBlinkLeft", "eyeLookDownLeft", "eyeLookInLeft", "eyeLookOutLeft", "eyeLookUpLeft",
    "eyeSquintLeft", "eyeWideLeft",
    "eyeBlinkRight", "eyeLookDownRight", "eyeLookInRight", "eyeLookOutRight", "eyeLookUpRight",
    "eyeSquintRight", "eyeWideRight",
    "jawForward", "jawLeft", "jawRight", "jawOpen",
    "mouthClose", "mouthFunnel", "mouthPucker", "mouthLeft", "mouthRight",
    "mouthSmileLeft", "mouthSmileRight", "mouthFrownLeft", "mouthFrownRight",
    "mouthDimpleLeft", "mouthDimpleRight", "mouthStretchLeft", "mouthStretchRight",
    "mouthRollLower", "mouthRollUpper", "mouthShrugLower", "mouthShrugUpper",
    "mouthPressLeft", "mouthPressRight", "mouthLowerDownLeft", "mouthLowerDownRight",
    "mouthUpperUpLeft", "mouthUpperUpRight",
    "browDownLeft", "browDownRight", "browInnerUp", "browOuterUpLeft", "browOuterUpRight",
    "cheekPuff", "cheekSquintLeft", "cheekSquintRight",
    "noseSneerLeft", "noseSneerRight",
    "tongueOut",
)  # fmt: skip

# FACS names of the action units used here.
ACTION_UNITS: Mapping[str, str] = {
    "AU1": "inner brow raiser",
    "AU2": "outer brow raiser",
    "AU4": "brow lowerer",
    "AU5": "upper lid raiser",
    "AU6": "cheek raiser",
    "AU7": "lid tightener",
    "AU9": "nose wrinkler",
    "AU10": "upper lip raiser",
    "AU12": "lip corner puller",
    "AU12R": "lip corner puller, face's right side only",
    "AU14": "dimpler",
    "AU14R": "dimpler, face's right side only",
    "AU15": "lip corner depressor",
    "AU16": "lower lip depressor",
    "AU17": "chin raiser",
    "AU18": "lip pucker",
    "AU20": "lip stretcher",
    "AU22": "lip funneler",
    "AU23": "lip tightener",
    "AU24": "lip presser",
    "AU25": "lips part",
    "AU26": "jaw drop",
    "AU28": "lip suck",
    "AU43": "eyes closed",
}

# AU -> ARKit blendshapes with the share of the AU each one carries.
AU_TO_ARKIT: Mapping[str, Mapping[str, float]] = {
    "AU1": {"browInnerUp": 1.0},
    "AU2": {"browOuterUpLeft": 1.0, "browOuterUpRight": 1.0},
    "AU4": {"browDownLeft": 1.0, "browDownRight": 1.0},
    "AU5": {"eyeWideLeft": 1.0, "eyeWideRight": 1.0},
    # AU6 lifts the cheeks and narrows the eye from below: ARKit's cheekSquint plus some squint.
    "AU6": {"cheekSquintLeft": 1.0, "cheekSquintRight": 1.0, "eyeSquintLeft": 0.3,
            "eyeSquintRight": 0.3},
    "AU7": {"eyeSquintLeft": 1.0, "eyeSquintRight": 1.0},
    "AU9": {"noseSneerLeft": 1.0, "noseSneerRight": 1.0},
    "AU10": {"mouthUpperUpLeft": 1.0, "mouthUpperUpRight": 1.0},
    "AU12": {"mouthSmileLeft": 1.0, "mouthSmileRight": 1.0},
    "AU12R": {"mouthSmileRight": 1.0},
    "AU14": {"mouthDimpleLeft": 1.0, "mouthDimpleRight": 1.0},
    "AU14R": {"mouthDimpleRight": 1.0},
    "AU15": {"mouthFrownLeft": 1.0, "mouthFrownRight": 1.0},
    "AU16": {"mouthLowerDownLeft": 1.0, "mouthLowerDownRight": 1.0},
    "AU17": {"mouthShrugLower": 1.0},
    "AU18": {"mouthPucker": 1.0},
    "AU20": {"mouthStretchLeft": 1.0, "mouthStretchRight": 1.0},
    "AU22": {"mouthFunnel": 1.0},
    # AU23 thins the red of the lips: pressed together and slightly rolled in.
    "AU23": {"mouthPressLeft": 0.6, "mouthPressRight": 0.6, "mouthRollLower": 0.3,
             "mouthRollUpper": 0.3},
    "AU24": {"mouthPressLeft": 1.0, "mouthPressRight": 1.0},
    "AU25": {"mouthLowerDownLeft": 0.3, "mouthLowerDownRight": 0.3, "jawOpen": 0.1},
    "AU26": {"jawOpen": 1.0},
    "AU28": {"mouthRollLower": 1.0, "mouthRollUpper": 1.0},
    "AU43": {"eyeBlinkLeft": 1.0, "eyeBlinkRight": 1.0},
}  # fmt: skip

# EMFACS-7 prototypes (see the module docstring); weights are FACS intensities A-E as 0.2-1.0.
EMFACS: Mapping[str, Mapping[str, float]] = {
    "neutral": {},
    "happiness": {"AU6": 0.6, "AU12": 0.8},
    "sadness": {"AU1": 0.6, "AU4": 0.4, "AU15": 0.6, "AU17": 0.3},
    "surprise": {"AU1": 0.8, "AU2": 0.8, "AU5": 0.4, "AU26": 0.6},
    "fear": {"AU1": 0.6, "AU2": 0.6, "AU4": 0.4, "AU5": 0.8, "AU7": 0.3, "AU20": 0.6,
             "AU26": 0.4},
    "anger": {"AU4": 0.8, "AU5": 0.4, "AU7": 0.6, "AU23": 0.6, "AU24": 0.3},
    "disgust": {"AU9": 0.8, "AU10": 0.4, "AU15": 0.4, "AU16": 0.3},
    "contempt": {"AU12R": 0.4, "AU14R": 0.4},
}  # fmt: skip

# Faces for hri_msgs states that are not emotions (so EMFACS has none): our own compositions
# from single AUs, named as such. Drooping lids (AU43 partial) read as low arousal.
STATE_FACES: Mapping[str, Mapping[str, float]] = {
    "bored": {"AU43": 0.3, "AU15": 0.15},
    "tired": {"AU43": 0.5, "AU1": 0.2},
    "asleep": {"AU43": 1.0},
    "confused": {"AU4": 0.4, "AU7": 0.3, "AU1": 0.2, "AU14R": 0.2},
    "pleading": {"AU1": 0.8, "AU4": 0.3, "AU15": 0.3, "AU5": 0.2},
}

PROTOTYPES: Mapping[str, Mapping[str, float]] = {**EMFACS, **STATE_FACES}


def blendshapes_from_aus(aus: Mapping[str, float]) -> dict[str, float]:
    """All 52 ARKit blendshape weights in [0, 1] from AU intensities in [0, 1].

    Contributions to one blendshape add and saturate at 1.

    >>> w = blendshapes_from_aus({"AU12": 0.5})
    >>> w["mouthSmileLeft"], w["mouthFrownLeft"], len(w)
    (0.5, 0.0, 52)
    """
    weights = dict.fromkeys(ARKIT_BLENDSHAPES, 0.0)
    for au, level in aus.items():
        if au not in AU_TO_ARKIT:
            raise KeyError(f"unknown action unit {au!r}; known: {', '.join(AU_TO_ARKIT)}")
        for shape, share in AU_TO_ARKIT[au].items():
            weights[shape] = min(1.0, weights[shape] + share * max(0.0, min(1.0, level)))
    return weights
