using System.Text.Json.Nodes;

namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed partial class FakeMlflowServer
{
    private FakeReply? HandleTracking(string method, string endpoint, JsonObject args) => (method, endpoint) switch
    {
        ("GET", "experiments/get-by-name") => FakeReply.Json(new JsonObject { ["experiment"] = ExperimentJson(
            State.Experiments.FirstOrDefault(e => e.Name == Required(args, "experiment_name"))
            ?? throw new FakeMlflowError(404, "RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{Required(args, "experiment_name")}'")) }),
        ("GET", "experiments/get") => FakeReply.Json(new JsonObject { ["experiment"] = ExperimentJson(Experiment(Required(args, "experiment_id"))) }),
        ("POST", "experiments/create") => CreateExperiment(args),
        ("POST", "runs/create") => CreateRun(args),
        ("GET", "runs/get") => FakeReply.Json(new JsonObject { ["run"] = RunJson(Run(Required(args, "run_id"))) }),
        ("POST", "runs/update") => UpdateRun(args),
        ("POST", "runs/search") => SearchRuns(args),
        ("POST", "runs/log-batch") => LogBatch(args),
        ("POST", "runs/log-metric") => LogBatch(new JsonObject { ["run_id"] = args["run_id"]?.DeepClone(), ["metrics"] = new JsonArray(args.DeepClone()) }),
        ("POST", "runs/log-parameter") => LogBatch(new JsonObject { ["run_id"] = args["run_id"]?.DeepClone(), ["params"] = new JsonArray(args.DeepClone()) }),
        ("POST", "runs/set-tag") => LogBatch(new JsonObject { ["run_id"] = args["run_id"]?.DeepClone(), ["tags"] = new JsonArray(args.DeepClone()) }),
        ("POST", "runs/delete-tag") => DeleteTag(args),
        ("GET", "metrics/get-history") => MetricHistory(args),
        ("POST", "runs/log-model") => LogModel(args),
        ("GET", "artifacts/list") => ListRunArtifacts(args),
        _ => null,
    };

    private FakeExperiment Experiment(string id) =>
        State.Experiments.FirstOrDefault(e => e.Id == id) ?? throw new FakeMlflowError(404, "RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={id} exists");

    private FakeRun Run(string runId) =>
        State.Runs.GetValueOrDefault(runId) ?? throw new FakeMlflowError(404, "RESOURCE_DOES_NOT_EXIST", $"Run with id={runId} not found");

    private static JsonObject ExperimentJson(FakeExperiment e)
    {
        var json = new JsonObject
        {
            ["experiment_id"] = e.Id, ["name"] = e.Name, ["artifact_location"] = $"mlflow-artifacts:/{e.Id}",
            ["lifecycle_stage"] = e.LifecycleStage, ["last_update_time"] = e.CreationTime, ["creation_time"] = e.CreationTime,
        };
        if (e.Tags.Count > 0) json["tags"] = TagsJson(e.Tags);
        return json;
    }

    private FakeReply CreateExperiment(JsonObject args)
    {
        var name = Required(args, "name");
        if (State.Experiments.Any(e => e.Name == name))
            throw new FakeMlflowError(400, "RESOURCE_ALREADY_EXISTS",
                $"Experiment(name={name}) already exists. Error: (sqlite3.IntegrityError) UNIQUE constraint failed: experiments.name\n[SQL: INSERT INTO experiments ...]");
        var experiment = new FakeExperiment { Id = (State.Experiments.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Name = name, CreationTime = Now() };
        foreach (var (key, value) in Pairs(args["tags"])) experiment.Tags[key] = value;
        State.Experiments.Add(experiment);
        return FakeReply.Json(new JsonObject { ["experiment_id"] = experiment.Id });
    }

    private static JsonObject RunInfoJson(FakeRun r)
    {
        var info = new JsonObject
        {
            ["run_uuid"] = r.RunId, ["experiment_id"] = r.ExperimentId, ["run_name"] = r.Name, ["user_id"] = "",
            ["status"] = r.Status, ["start_time"] = r.StartTime,
        };
        if (r.EndTime is { } end) info["end_time"] = end;
        info["artifact_uri"] = r.ArtifactUri;
        info["lifecycle_stage"] = "active";
        info["run_id"] = r.RunId;
        return info;
    }

    private static JsonObject MetricJson(FakeMetric m) =>
        new() { ["key"] = m.Key, ["value"] = DoubleJson(m.Value), ["timestamp"] = m.Timestamp, ["step"] = m.Step };

    private static JsonObject RunJson(FakeRun r, bool withInputs = true)
    {
        var data = new JsonObject();
        var latest = r.Metrics.GroupBy(m => m.Key)
            .Select(g => g.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ThenBy(m => m.Value).Last()).ToList();
        if (latest.Count > 0) data["metrics"] = new JsonArray(latest.Select(m => (JsonNode)MetricJson(m)).ToArray());
        if (r.Params.Count > 0) data["params"] = TagsJson(r.Params);
        if (r.Tags.Count > 0) data["tags"] = TagsJson(r.Tags);
        var run = new JsonObject { ["info"] = RunInfoJson(r), ["data"] = data };
        if (withInputs) run["inputs"] = new JsonObject();
        return run;
    }

    private FakeReply CreateRun(JsonObject args)
    {
        var experiment = Experiment(Required(args, "experiment_id"));
        State.RunCounter++;
        var run = new FakeRun
        {
            RunId = Guid.NewGuid().ToString("N"), ExperimentId = experiment.Id,
            Name = Optional(args, "run_name") ?? $"fake-run-{State.RunCounter}",
            StartTime = args["start_time"] is { } start ? Long(start, "start_time") : Now(),
        };
        foreach (var (key, value) in Pairs(args["tags"])) run.Tags[key] = value;
        run.Tags["mlflow.runName"] = run.Name;
        State.Runs[run.RunId] = run;
        var json = RunJson(run, withInputs: false);
        return FakeReply.Json(new JsonObject { ["run"] = json });
    }

    private FakeReply UpdateRun(JsonObject args)
    {
        var run = Run(Required(args, "run_id"));
        if (Optional(args, "status") is { } status) run.Status = status;
        if (args["end_time"] is { } end) run.EndTime = Long(end, "end_time");
        if (Optional(args, "run_name") is { } name)
        {
            run.Name = name;
            run.Tags["mlflow.runName"] = name;
        }
        return FakeReply.Json(new JsonObject { ["run_info"] = RunInfoJson(run) });
    }

    private FakeReply SearchRuns(JsonObject args)
    {
        var ids = (args["experiment_ids"] as JsonArray ?? []).Select(Text).ToHashSet();
        var ascending = (args["order_by"] as JsonArray)?.Select(Text).Any(o => o?.EndsWith("ASC", StringComparison.OrdinalIgnoreCase) == true) == true;
        var runs = State.Runs.Values.Where(r => ids.Contains(r.ExperimentId));
        var ordered = (ascending ? runs.OrderBy(r => r.StartTime) : runs.OrderByDescending(r => r.StartTime)).ToList();
        var response = new JsonObject();
        Page(response, "runs", ordered, args, 1000, r => RunJson(r));
        return FakeReply.Json(response);
    }

    private FakeReply LogBatch(JsonObject args)
    {
        var metrics = args["metrics"] as JsonArray ?? [];
        var parameters = args["params"] as JsonArray ?? [];
        var tags = args["tags"] as JsonArray ?? [];
        foreach (var (items, kind, limit) in new[] { (metrics, "metrics", 1000), (parameters, "params", 100), (tags, "tags", 100) })
        {
            if (items.Count > limit)
                throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE",
                    $"A batch logging request can contain at most {limit} {kind}. Got {items.Count} {kind}. Please split up {kind} across multiple requests and try again.");
        }
        var total = metrics.Count + parameters.Count + tags.Count;
        if (total > 1000)
            throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE",
                $"A batch logging request can contain at most 1000 total metrics, params, and tags. Got {total} total. Please split up across multiple requests and try again.");
        var run = Run(Required(args, "run_id"));
        var parsed = metrics.Select((m, i) => m as JsonObject ?? throw Missing($"metrics[{i}]")).Select((m, i) => new FakeMetric(
            Text(m["key"]) ?? throw Missing($"metrics[{i}].key"), Double(m["value"], $"metrics[{i}].value"),
            Long(m["timestamp"], $"metrics[{i}].timestamp"), m["step"] is { } step ? Long(step, $"metrics[{i}].step") : 0)).ToList();
        var newParams = Pairs(parameters).ToList();
        foreach (var (key, value) in newParams)
        {
            if (run.Params.TryGetValue(key, out var old) && old != value)
                throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE",
                    $"Changing param values is not allowed. Param with key='{key}' was already logged with value='{old}' for run ID='{run.RunId}'. Attempted logging new value '{value}'.");
        }
        foreach (var (key, value) in newParams) run.Params[key] = value;
        // The SQL store's primary key covers every field: the same metric twice is stored once.
        foreach (var metric in parsed.Where(m => !run.Metrics.Contains(m)).Distinct().ToList()) run.Metrics.Add(metric);
        foreach (var (key, value) in Pairs(tags)) run.Tags[key] = value;
        return FakeReply.Empty();
    }

    private FakeReply DeleteTag(JsonObject args)
    {
        Run(Required(args, "run_id")).Tags.Remove(Required(args, "key"));
        return FakeReply.Empty();
    }

    private FakeReply MetricHistory(JsonObject args)
    {
        var run = Run(Required(args, "run_id"));
        var key = Required(args, "metric_key");
        var response = new JsonObject();
        var history = run.Metrics.Where(m => m.Key == key).Select(m => (JsonNode)MetricJson(m)).ToArray();
        if (history.Length > 0) response["metrics"] = new JsonArray(history);
        return FakeReply.Json(response);
    }

    private FakeReply LogModel(JsonObject args)
    {
        var run = Run(Required(args, "run_id"));
        JsonObject model;
        try
        {
            model = JsonNode.Parse(Required(args, "model_json")) as JsonObject ?? throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", "Malformed model info.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", "Malformed model info. \n 'model_json' must be a JSON object.");
        }
        var missing = new[] { "artifact_path", "flavors", "utc_time_created", "run_id" }.Where(k => !model.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", $"Model json is missing mandatory fields: {{{string.Join(", ", missing.Select(m => $"'{m}'"))}}}");
        var history = run.Tags.TryGetValue("mlflow.log-model.history", out var text) ? JsonNode.Parse(text)!.AsArray() : [];
        var entry = new JsonObject();
        foreach (var key in new[] { "run_id", "artifact_path", "utc_time_created", "model_uuid", "flavors" })
            if (model.TryGetPropertyValue(key, out var value)) entry[key] = value?.DeepClone();
        history.Add(entry);
        run.Tags["mlflow.log-model.history"] = history.ToJsonString();
        return FakeReply.Empty();
    }
}
