"""Small models trained offline in plain numpy: multinomial and binary logistic regression.

Every learned part of the engine (question kinds, story ranking, note sorting, invitation
relations) trains through these, so that one implementation is tested once.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


def train_softmax(
    features: npt.NDArray[np.float32],
    labels: npt.NDArray[np.int64],
    sample_weight: npt.NDArray[np.float64],
    classes: int,
    l2: float = 0.1,
    iterations: int = 400,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Multinomial logistic regression (W, b): weighted cross-entropy + l2/2·|W|², by
    full-batch Nesterov-accelerated gradient descent (step 1/L) from zeros, on standardised
    features; the standardisation is folded back into W and b. Deterministic."""
    x = features.astype(np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    n, dims = z.shape
    onehot = np.zeros((n, classes))
    onehot[np.arange(n), labels] = 1.0
    weights = sample_weight / sample_weight.sum()
    lipschitz = 0.5 * float(np.linalg.eigvalsh((z * weights[:, None]).T @ z).max()) + l2
    step = 1.0 / lipschitz
    w = np.zeros((dims, classes))
    b = np.zeros(classes)
    w_prev, b_prev, t = w, b, 1.0
    for _ in range(iterations):
        t_next = (1.0 + math.sqrt(1.0 + 4.0 * t * t)) / 2.0
        momentum = (t - 1.0) / t_next
        t = t_next
        w_look = w + momentum * (w - w_prev)
        b_look = b + momentum * (b - b_prev)
        logits = z @ w_look + b_look
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = (probs - onehot) * weights[:, None]
        w_prev, b_prev = w, b
        w = w_look - step * (z.T @ grad + l2 * w_look)
        b = b_look - step * grad.sum(axis=0)
    w_out = w / scale[:, None]
    b_out = b - mean @ w_out
    return w_out.astype(np.float32), b_out.astype(np.float32)


def train_logistic(
    x: Floats,
    y: Floats,
    l2: float,
    iterations: int = 25,
    *,
    bias_l2: float = 0.0,
    ridge: float = 0.0,
) -> Floats:
    """L2-penalised logistic regression by Newton's method; weights then bias.

    ``bias_l2`` penalises the bias too, and ``ridge`` is added to the Hessian: both keep
    the step finite when a few rows separate perfectly (or there are none)."""
    rows, dims = x.shape
    design = np.hstack([x, np.ones((rows, 1))])
    penalty = np.eye(dims + 1) * l2
    penalty[-1, -1] = bias_l2
    weights = np.zeros(dims + 1)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ weights, -30.0, 30.0)))
        gradient = design.T @ (p - y) + penalty @ weights
        hessian = (design * (p * (1.0 - p))[:, None]).T @ design + penalty
        if ridge:
            hessian += ridge * np.eye(dims + 1)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return weights


def standardised(x: Floats) -> tuple[Floats, Floats]:
    """(mean, scale) of each column; a constant column (or no rows) keeps scale 1."""
    if not len(x):
        return np.zeros(x.shape[1]), np.ones(x.shape[1])
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return x.mean(axis=0), scale
