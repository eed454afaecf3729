#!/usr/bin/env python3
"""The original model API's per-request work, for side-by-side serving benchmarks (issue 4).

bench/serve-bench.sh --reference starts this next to ours and loads both with the same requests in
the same run. It is not the original server (FastAPI is not installable here: no PyPI) but does
what REFERENCE.md section 4 says that server did for each request, with the same libraries:

  POST /predict  multipart field "image" (or "file") -> Pillow decode + EXIF, torch_reference's
                 preprocessing (resize 512, stretch, median), the U-Net in PyTorch (eval, no_grad),
                 sigmoid > 0.5, the mask as PNG in base64, the original's JSON.
  GET  /health   {"status": "healthy", "model_loaded": true, "device": "cpu"}

One request at a time, as the original ran inference on its event loop. Weights are random (the
original was measured with untrained weights too); speed does not depend on them.

    /usr/bin/python3 bench/reference-server.py --port 8766 --threads 2 [--torch-reference PATH]
Needs Debian's python3-torch, python3-pil, python3-numpy, python3-opencv.
"""
import argparse
import base64
import io
import json
import sys
import time
from email.parser import BytesParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, HTTPServer


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--torch-reference", default="../shared/bench/torch_reference.py")
    a = ap.parse_args()

    import os
    sys.path.insert(0, os.path.dirname(os.path.abspath(a.torch_reference)))
    import numpy as np
    import torch
    import torch_reference
    from PIL import Image

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = torch_reference.UNet().eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, 512, 512))  # warm-up, as a loaded server would have done

    def predict(photo: bytes):
        start = time.perf_counter()
        with Image.open(io.BytesIO(photo)) as img:
            size = list(img.size)
        x = torch_reference.preprocess(io.BytesIO(photo))
        with torch.no_grad():
            prob = torch.sigmoid(model(x))[0, 0].numpy()
        png = io.BytesIO()
        Image.fromarray(((prob > 0.5) * 255).astype(np.uint8), mode="L").save(png, format="PNG")
        return {"status": "success", "mask_base64": base64.b64encode(png.getvalue()).decode("ascii"),
                "metadata": {"input_size": size, "output_size": [512, 512],
                             "latency_seconds": round(time.perf_counter() - start, 4), "device": "cpu"}}

    class Handler(BaseHTTPRequestHandler):
        # One connection per request, as clients of the original mostly did: with keep-alive this
        # one-at-a-time server would serve one client to the end while the others wait.
        protocol_version = "HTTP/1.0"

        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/health":
                self.answer(200, {"status": "healthy", "model_loaded": True, "device": "cpu"})
            else:
                self.answer(404, {"detail": "Not Found"})

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path != "/predict":
                self.answer(404, {"detail": "Not Found"})
                return
            message = BytesParser(policy=default_policy).parsebytes(
                b"Content-Type: " + self.headers.get("Content-Type", "").encode() + b"\r\n\r\n" + body)
            photo = None
            if message.is_multipart():
                for part in message.iter_parts():
                    if part.get_param("name", header="content-disposition") in ("image", "file"):
                        photo = part.get_payload(decode=True)
                        break
            if photo is None:
                self.answer(422, {"detail": "field 'image' required"})
                return
            try:
                self.answer(200, predict(photo))
            except Exception as e:  # the original answered 500 here
                self.answer(500, {"detail": str(e)})

    server = HTTPServer(("127.0.0.1", a.port), Handler)
    print(json.dumps({"listening": a.port, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
