#!/usr/bin/env bash
# Benchmark of the model API (issue 4, item 5): the server as the container runs it
# (dotnet Wms.Serving.dll, published Release, MALLOC_ARENA_MAX=2 as the image sets it), on
# 127.0.0.1, loaded with Debian's `hey`.
#
#   bench/serve-bench.sh --model DIR_OR_ONNX [--photo FILE] [--requests 60] [--seconds 20]
#                        [--threads N] [--concurrency N] [--port 8765] [--no-publish] [--json]
#                        [--reference [--torch-reference ../shared/bench/torch_reference.py]]
#
# Measures, with a real 1536x2048 phone JPEG posted as multipart field "image" (the original's
# client contract):
#   time to ready  process start -> GET /ready answers 200 (model loaded and warmed up)
#   latency        one client, --requests requests: p50 / p95 / p99 (nearest rank over hey's per-request CSV)
#   throughput     4 clients for --seconds seconds: requests/s and the share of non-200 answers
#   server CPU     CPU time (all threads) the server spent per request in the latency run, from
#                  /proc: steadier than wall-clock times on a shared machine
#   memory         the server's RSS after the load (VmRSS) and its peak (VmHWM), from /proc
#   --reference    then the same loads against bench/reference-server.py (the original's work per
#                  request in PyTorch, Debian's python3-torch) on port+1, for ratios from one run
# Bounded: hey -n for the latency run, hey -z plus `timeout` for the throughput run.
#
# A model: any ONNX file or model folder with the U-Net's contract, e.g. a random-init one:
#   python3 ../shared/bench/torch_reference.py save-weights --out /tmp/w.pth   # Debian's python3
#   dotnet run --project src/Wms.Cli -- model export --weights /tmp/w.pth --out /tmp/unet
# Goals (issue 4): p50 <= 150 ms, >= 8 req/s with 4 clients, RSS <= 300 MB, ready within 3 s.
# The original (PyTorch + FastAPI, 2 threads) measured p50 ~320 ms and ~3.0 req/s here.
set -euo pipefail
cd "$(dirname "$0")/.."

model="${MODEL_PATH:-}"
photo="../shared/data/water-meters/unlabeled/meter_1.jpg"
requests=60
seconds=20
clients=4
threads=""
concurrency=""
port=8765
publish=1
json=0
reference=0
torch_reference="../shared/bench/torch_reference.py"
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --photo) photo="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-publish) publish=0; shift ;;
    --json) json=1; shift ;;
    --reference) reference=1; shift ;;
    --torch-reference) torch_reference="$2"; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$model" ] || { echo "--model (or MODEL_PATH) is required: an ONNX file or model folder (see --help)" >&2; exit 2; }
[ -e "$model" ] || { echo "$model: model not found" >&2; exit 2; }
[ -f "$photo" ] || { echo "$photo: photo not found" >&2; exit 2; }
[ "$reference" = 0 ] || [ -f "$torch_reference" ] || { echo "$torch_reference: not found (--torch-reference)" >&2; exit 2; }
for tool in hey curl dotnet; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install hey curl; .ci/run installs hey)" >&2; exit 2; }
done

out="artifacts/bench/serving"
mkdir -p "$out"
if [ "$publish" = 1 ] || [ ! -f "$out/app/Wms.Serving.dll" ]; then
  echo "publishing src/Wms.Serving (Release) to $out/app ..." >&2
  dotnet publish src/Wms.Serving/Wms.Serving.csproj -c Release -o "$out/app" --nologo -v quiet >&2
fi

# The body a client sends: multipart/form-data with the photo in field "image".
boundary="wmsbench$(date +%s)"
body="$out/body.multipart"
{
  printf -- '--%s\r\nContent-Disposition: form-data; name="image"; filename="%s"\r\nContent-Type: image/jpeg\r\n\r\n' "$boundary" "$(basename "$photo")"
  cat "$photo"
  printf -- '\r\n--%s--\r\n' "$boundary"
} > "$body"

url="http://127.0.0.1:$port"
env_args=(ASPNETCORE_URLS="$url" MODEL_PATH="$(realpath "$model")" Serving__Model__PollInterval=00:00:00
          Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1
          MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}")  # as the serving image sets it (deploy/docker/Dockerfile.serving)
[ -n "$threads" ] && env_args+=(Serving__Model__Threads="$threads")
[ -n "$concurrency" ] && env_args+=(Serving__Inference__Concurrency="$concurrency")

start=$(date +%s.%N)
env "${env_args[@]}" dotnet "$out/app/Wms.Serving.dll" > "$out/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT

ready=""
for _ in $(seq 1 600); do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the server exited; see $out/server.log" >&2; cat "$out/server.log" >&2; exit 1; fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/ready")" = 200 ]; then
    ready=$(echo "$(date +%s.%N) - $start" | bc -l); break
  fi
  sleep 0.02
done
[ -n "$ready" ] || { echo "not ready within 12 s; see $out/server.log" >&2; exit 1; }

# Loads the server at $1 (process $2) and sets p50 p95 p99 ok1 total1 rps1 cpu_ms rps; hey's raw
# output goes to $3.
load_test() {
  local url="$1" pid="$2" dir="$3"
  mkdir -p "$dir"
  local post=(-m POST -T "multipart/form-data; boundary=$boundary" -D "$body" -t 60 "$url/predict")
  # Two requests unmeasured: the first of each kind pays for lazy initialisation.
  timeout 120 hey -n 2 -c 1 "${post[@]}" > /dev/null
  # CPU time the server spends per request: less sensitive to a busy machine than wall-clock latency.
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  local ticks_before ticks_after
  ticks_before=$(cpu_ticks)
  # Per-request CSV (response-time,...,status-code,offset): exact percentiles, not hey's buckets.
  timeout $((requests * 5 + 60)) hey -n "$requests" -c 1 -o csv "${post[@]}" > "$dir/latency.csv"
  ticks_after=$(cpu_ticks)
  cpu_ms=$(echo "($ticks_after - $ticks_before) * 1000 / $(getconf CLK_TCK) / $requests" | bc -l)
  timeout $((seconds + 90)) hey -z "${seconds}s" -c "$clients" "${post[@]}" > "$dir/throughput.txt"
  # Nearest-rank percentile of the successful requests' times, in ms.
  pct() { awk -F, 'NR > 1 && $7 == 200 {print $1 * 1000}' "$dir/latency.csv" | sort -n | awk -v p="$1" '{v[NR] = $1} END {i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; printf "%.1f", v[i]}'; }
  p50=$(pct 50); p95=$(pct 95); p99=$(pct 99)
  ok1=$(awk -F, 'NR > 1 && $7 == 200' "$dir/latency.csv" | wc -l)
  total1=$(awk -F, 'NR > 1' "$dir/latency.csv" | wc -l)
  rps1=$(awk -F, 'NR > 1 {s += $1} END {if (s > 0) printf "%.2f", (NR - 1) / s}' "$dir/latency.csv")
  rps=$(awk '/Requests\/sec/ {printf "%.2f", $2}' "$dir/throughput.txt")
}

load_test "$url" "$pid" "$out"
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")

# The original's per-request work in PyTorch (bench/reference-server.py), same requests, same run.
if [ "$reference" = 1 ]; then
  kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  ours=("$p50" "$p95" "$p99" "$rps1" "$cpu_ms" "$rps")
  ref_port=$((port + 1))
  /usr/bin/python3 bench/reference-server.py --port "$ref_port" --threads 2 --torch-reference "$torch_reference" > "$out/reference.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "the reference server exited; see $out/reference.log" >&2; cat "$out/reference.log" >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$ref_port/health")" = 200 ] && break
    sleep 0.1
  done
  load_test "http://127.0.0.1:$ref_port" "$pid" "$out/reference"
  ref=("$p50" "$p95" "$p99" "$rps1" "$cpu_ms" "$rps")
  ref_codes=$(awk '/Status code distribution/ {on=1; next} on && /\[/ {gsub(/[\[\]]/, "", $1); printf "%s%s:%s", sep, $1, $2; sep=" "} on && !/\[/ && NF == 0 {on=0}' "$out/reference/throughput.txt")
  p50=${ours[0]}; p95=${ours[1]}; p99=${ours[2]}; rps1=${ours[3]}; cpu_ms=${ours[4]}; rps=${ours[5]}
fi
codes() { awk '/Status code distribution/ {on=1; next} on && /\[/ {gsub(/[\[\]]/, "", $1); printf "%s%s:%s", sep, $1, $2; sep=" "} on && !/\[/ && NF == 0 {on=0}' "$1"; }
size=$(python3 - "$photo" <<'PY' 2>/dev/null || echo "?"
import struct, sys
data = open(sys.argv[1], "rb").read()
i = 2
while i < len(data):
    marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
    if marker in (0xC0, 0xC1, 0xC2):
        h, w = struct.unpack(">HH", data[i + 5:i + 9]); print(f"{w}x{h}"); break
    i += 2 + length
PY
)

if [ "$json" = 1 ]; then
  reference_json=null
  if [ "$reference" = 1 ]; then
    reference_json=$(printf '{"server":"bench/reference-server.py","latency_ms":{"p50":%s,"p95":%s,"p99":%s},"sequential_rps":%s,"server_cpu_ms_per_request":%.1f,"throughput_rps":%s}' \
      "${ref[0]:-null}" "${ref[1]:-null}" "${ref[2]:-null}" "${ref[3]:-null}" "${ref[4]}" "${ref[5]:-null}")
  fi
  printf '{"photo":"%s","photo_size":"%s","cores":%s,"load_average":"%s","time_to_ready_s":%.3f,"latency_ms":{"p50":%s,"p95":%s,"p99":%s},"sequential_rps":%s,"server_cpu_ms_per_request":%.1f,"throughput_rps":%s,"clients":%s,"rss_mb":%.1f,"peak_rss_mb":%.1f,"reference":%s}\n' \
    "$photo" "$size" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$ready" "${p50:-null}" "${p95:-null}" "${p99:-null}" "${rps1:-null}" "$cpu_ms" "${rps:-null}" "$clients" \
    "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$hwm_kb / 1024" | bc -l)" "$reference_json"
else
  echo "photo            $photo ($size, $(stat -c %s "$photo") bytes), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'time to ready    %.2f s\n' "$ready"
  echo "latency, 1 client, $requests requests: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms ($rps1 req/s; $ok1 of $total1 answered 200)"
  printf 'server CPU       %.0f ms of CPU per request (all threads; 2 cores give at most %.1f req/s at this cost)\n' "$cpu_ms" "$(echo "$(nproc) * 1000 / $cpu_ms" | bc -l)"
  echo "throughput, $clients clients, ${seconds} s: $rps req/s (status $(codes "$out/throughput.txt"))"
  printf 'memory           RSS %.0f MB after the load, peak %.0f MB\n' "$(echo "$rss_kb / 1024" | bc -l)" "$(echo "$hwm_kb / 1024" | bc -l)"
  if [ "$reference" = 1 ]; then
    echo "reference (bench/reference-server.py: PyTorch, Pillow, OpenCV, one request at a time), same requests:"
    printf '  latency p50 %s ms, p95 %s ms (ours %.2fx faster at p50); CPU %.0f ms per request\n' "${ref[0]}" "${ref[1]}" "$(echo "${ref[0]} / $p50" | bc -l)" "${ref[4]}"
    printf '  throughput %s req/s with %s clients (ours %.2fx; status %s)\n' "${ref[5]}" "$clients" "$(echo "$rps / ${ref[5]}" | bc -l)" "$ref_codes"
  fi
  echo "raw hey output: $out/latency.csv, $out/throughput.txt; server log: $out/server.log"
fi
