"""Audio files made in the tests: WAV at any rate and channel count, webm and mp4 (with a
moving picture or not), a two-hour recording. Nothing is downloaded."""

from __future__ import annotations

import io
import wave

import numpy as np


def wav_of(samples: np.ndarray, rate: int = 16_000, channels: int = 1) -> bytes:
    """16-bit WAV of float samples (frames x channels for stereo)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return out.getvalue()


def encode(
    samples: np.ndarray, container: str, *, video: bool = False, rate: int = 16_000
) -> bytes:
    """A webm (opus) or mp4 (aac) file of the samples, with a moving picture if ``video``."""
    import av

    out = io.BytesIO()
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
    with av.open(out, "w", format=container) as box:
        picture = None
        if video:
            picture = box.add_stream("libvpx" if container == "webm" else "mpeg4", rate=10)
            picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
        sound = box.add_stream("libopus" if container == "webm" else "aac", rate=48000)
        sound.layout = "mono"
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = rate
        resampler = av.AudioResampler(format=sound.format.name, layout="mono", rate=48000)
        for resampled in resampler.resample(frame):
            for packet in sound.encode(resampled):
                box.mux(packet)
        for packet in sound.encode(None):
            box.mux(packet)
        if picture is not None:
            for index in range(int(samples.size / rate * 10)):
                image = np.full((48, 64, 3), index * 7 % 255, dtype=np.uint8)
                for packet in picture.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                    box.mux(packet)
            for packet in picture.encode(None):
                box.mux(packet)
    return out.getvalue()


def two_hours_of_8_bit_wav(rate: int = 8_000) -> bytes:
    """Two hours of silence, 8-bit: 57.6 MB at 8 kHz (over the size limit), 14.4 MB at
    2 kHz (under it: only its length can refuse it)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(rate)
        writer.writeframes(b"\x80" * rate * 7_200)
    return out.getvalue()
