using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Wms.Core.Tests.Tracking.FakeMlflow;

public sealed partial class FakeMlflowServer
{
    private static readonly string[] Stages = ["None", "Staging", "Production", "Archived"];

    private FakeReply? HandleRegistry(string method, string endpoint, JsonObject args) => (method, endpoint) switch
    {
        ("POST", "registered-models/create") => CreateRegisteredModel(args),
        ("GET", "registered-models/get") => FakeReply.Json(new JsonObject { ["registered_model"] = ModelJson(Model(Required(args, "name"))) }),
        ("POST", "registered-models/alias") => SetAlias(args),
        ("GET", "registered-models/alias") => GetAlias(args),
        ("DELETE", "registered-models/alias") => DeleteAlias(args),
        ("GET" or "POST", "registered-models/get-latest-versions") => LatestVersions(args),
        ("POST", "model-versions/create") => CreateVersion(args),
        ("GET", "model-versions/get") => GetVersion(args),
        ("GET", "model-versions/search") => SearchVersions(args),
        ("POST", "model-versions/transition-stage") => TransitionStage(args),
        ("POST", "model-versions/set-tag") => SetVersionTag(args),
        ("GET", "model-versions/get-download-uri") => DownloadUri(args),
        _ => null,
    };

    private FakeRegisteredModel Model(string name) =>
        State.Models.GetValueOrDefault(name) ?? throw new FakeMlflowError(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found");

    private FakeModelVersion Version(JsonObject args)
    {
        var model = Model(Required(args, "name"));
        var version = Required(args, "version");
        return model.Versions.FirstOrDefault(v => v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == version)
            ?? throw new FakeMlflowError(404, "RESOURCE_DOES_NOT_EXIST", $"Model Version (name={model.Name}, version={version}) not found");
    }

    /// <param name="withAliases">MLflow 2.x's search results carry no aliases; get and alias lookups do.</param>
    private static JsonObject VersionJson(FakeRegisteredModel model, FakeModelVersion v, bool withAliases = true)
    {
        var json = new JsonObject
        {
            ["name"] = model.Name, ["version"] = v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["creation_timestamp"] = v.CreationTime, ["last_updated_timestamp"] = v.UpdatedTime, ["current_stage"] = v.Stage,
            ["description"] = v.Description, ["source"] = v.Source, ["run_id"] = v.RunId, ["status"] = v.Status,
        };
        if (v.Tags.Count > 0) json["tags"] = TagsJson(v.Tags);
        json["run_link"] = "";
        var aliases = model.Aliases.Where(a => a.Value == v.Version).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        if (withAliases && aliases.Count > 0) json["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
        return json;
    }

    private static JsonObject ModelJson(FakeRegisteredModel m)
    {
        var json = new JsonObject
        {
            ["name"] = m.Name, ["creation_timestamp"] = m.CreationTime, ["last_updated_timestamp"] = m.UpdatedTime, ["description"] = m.Description,
        };
        var latest = m.Versions.GroupBy(v => v.Stage).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Version).ToList();
        if (latest.Count > 0) json["latest_versions"] = new JsonArray(latest.Select(v => (JsonNode)VersionJson(m, v, withAliases: false)).ToArray());
        if (m.Tags.Count > 0) json["tags"] = TagsJson(m.Tags);
        if (m.Aliases.Count > 0)
            json["aliases"] = new JsonArray(m.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => (JsonNode)new JsonObject { ["alias"] = a.Key, ["version"] = a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray());
        return json;
    }

    private FakeReply CreateRegisteredModel(JsonObject args)
    {
        var name = Required(args, "name");
        if (State.Models.ContainsKey(name))
            throw new FakeMlflowError(400, "RESOURCE_ALREADY_EXISTS",
                $"Registered Model (name={name}) already exists. Error: (sqlite3.IntegrityError) UNIQUE constraint failed: registered_models.name\n[SQL: INSERT INTO registered_models ...]");
        var now = Now();
        var model = new FakeRegisteredModel { Name = name, CreationTime = now, UpdatedTime = now, Description = Optional(args, "description") ?? "" };
        foreach (var (key, value) in Pairs(args["tags"])) model.Tags[key] = value;
        State.Models[name] = model;
        return FakeReply.Json(new JsonObject { ["registered_model"] = ModelJson(model) });
    }

    private FakeReply CreateVersion(JsonObject args)
    {
        var model = Model(Required(args, "name"));
        var now = Now();
        var version = new FakeModelVersion
        {
            Version = model.Versions.Count == 0 ? 1 : model.Versions.Max(v => v.Version) + 1,
            CreationTime = now, UpdatedTime = now, Source = Required(args, "source"), RunId = Optional(args, "run_id") ?? "",
            Description = Optional(args, "description") ?? "",
            PendingReads = State.PendingRegistrationReads,
            Status = State.PendingRegistrationReads > 0 ? "PENDING_REGISTRATION" : "READY",
        };
        foreach (var (key, value) in Pairs(args["tags"])) version.Tags[key] = value;
        model.Versions.Add(version);
        return FakeReply.Json(new JsonObject { ["model_version"] = VersionJson(model, version) });
    }

    private FakeReply GetVersion(JsonObject args)
    {
        var version = Version(args);
        if (version.PendingReads > 0 && --version.PendingReads == 0) version.Status = "READY";
        return FakeReply.Json(new JsonObject { ["model_version"] = VersionJson(Model(Required(args, "name")), version) });
    }

    private FakeReply SearchVersions(JsonObject args)
    {
        var filter = Optional(args, "filter") ?? "";
        var match = Regex.Match(filter, """^\s*name\s*=\s*(['"])(.*)\1\s*$""");
        var versions = State.Models.Values.Where(m => !match.Success || m.Name == match.Groups[2].Value)
            .SelectMany(m => m.Versions.Select(v => (Model: m, Version: v)))
            .OrderByDescending(p => p.Version.Version).ToList();
        var response = new JsonObject();
        Page(response, "model_versions", versions, args, 10000, p => VersionJson(p.Model, p.Version, withAliases: false));
        return FakeReply.Json(response);
    }

    private FakeReply TransitionStage(JsonObject args)
    {
        var model = Model(Required(args, "name"));
        var version = Version(args);
        var stage = Stages.FirstOrDefault(s => string.Equals(s, Required(args, "stage"), StringComparison.OrdinalIgnoreCase))
            ?? throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE",
                $"Invalid Model Version stage: {Required(args, "stage")}. Value must be one of None, Staging, Production, Archived.");
        var now = Now();
        if (Bool(args["archive_existing_versions"]) && stage is "Staging" or "Production")
        {
            foreach (var other in model.Versions.Where(v => v != version && v.Stage == stage))
            {
                other.Stage = "Archived";
                other.UpdatedTime = now;
            }
        }
        version.Stage = stage;
        version.UpdatedTime = now;
        return FakeReply.Json(new JsonObject { ["model_version"] = VersionJson(model, version) });
    }

    private FakeReply SetAlias(JsonObject args)
    {
        var alias = Required(args, "alias");
        if (alias.Equals("latest", StringComparison.OrdinalIgnoreCase) || Regex.IsMatch(alias, "^[vV][0-9]+$"))
            throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", $"'{alias}' alias name (case insensitive) is reserved.");
        var version = Version(args);
        Model(Required(args, "name")).Aliases[alias] = version.Version;
        return FakeReply.Empty();
    }

    private FakeReply GetAlias(JsonObject args)
    {
        var model = Model(Required(args, "name"));
        var alias = Required(args, "alias");
        if (!model.Aliases.TryGetValue(alias, out var number))
            throw new FakeMlflowError(400, "INVALID_PARAMETER_VALUE", $"Registered model alias {alias} not found.");
        return FakeReply.Json(new JsonObject { ["model_version"] = VersionJson(model, model.Versions.First(v => v.Version == number)) });
    }

    private FakeReply DeleteAlias(JsonObject args)
    {
        Model(Required(args, "name")).Aliases.Remove(Required(args, "alias"));
        return FakeReply.Empty();
    }

    private FakeReply LatestVersions(JsonObject args)
    {
        var model = Model(Required(args, "name"));
        var stages = (args["stages"] as JsonArray)?.Select(Text).ToHashSet();
        var latest = model.Versions.Where(v => stages is null || stages.Contains(v.Stage))
            .GroupBy(v => v.Stage).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Version);
        return FakeReply.Json(new JsonObject { ["model_versions"] = new JsonArray(latest.Select(v => (JsonNode)VersionJson(model, v, withAliases: false)).ToArray()) });
    }

    private FakeReply SetVersionTag(JsonObject args)
    {
        Version(args).Tags[Required(args, "key")] = Text(args["value"]) ?? "";
        return FakeReply.Empty();
    }

    private FakeReply DownloadUri(JsonObject args)
    {
        var version = Version(args);
        var uri = version.Source;
        if (uri.StartsWith("runs:/", StringComparison.Ordinal))
        {
            var rest = uri["runs:/".Length..];
            var slash = rest.IndexOf('/');
            var run = Run(slash < 0 ? rest : rest[..slash]);
            uri = run.ArtifactUri + (slash < 0 ? "" : rest[slash..]);
        }
        return FakeReply.Json(new JsonObject { ["artifact_uri"] = uri });
    }
}
