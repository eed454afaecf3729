using System.Text;
using System.Text.RegularExpressions;

namespace Wms.Core.Dvc;

/// <summary>
/// <c>.dvc/config</c> merged with <c>.dvc/config.local</c> (secrets; git ignores it), in the
/// configobj INI format DVC writes: <c>[core]</c>, <c>['remote "name"']</c>, indented
/// <c>key = value</c>. The global and system DVC configs are not read.
/// </summary>
public sealed partial class DvcConfig
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;
    private readonly string _configDirectory;

    private DvcConfig(Dictionary<string, Dictionary<string, string>> sections, string configDirectory)
    {
        _sections = sections;
        _configDirectory = configDirectory;
    }

    /// <summary>Reads <c>config</c> then <c>config.local</c> from <paramref name="dvcDirectory"/>; later keys win.</summary>
    public static DvcConfig Load(string dvcDirectory)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in new[] { "config", "config.local" })
        {
            var path = Path.Combine(dvcDirectory, name);
            if (File.Exists(path)) Merge(sections, Parse(File.ReadAllText(path), path));
        }
        return new DvcConfig(sections, dvcDirectory);
    }

    public static DvcConfig Parse(string text, string configDirectory, string name = "config") =>
        new(Parse(text, name), configDirectory);

    /// <summary><c>core.remote</c>: the remote used when none is named.</summary>
    public string? DefaultRemote => Get("core", "remote");

    /// <summary>Every remote's name, in order.</summary>
    public IReadOnlyList<string> RemoteNames =>
        _sections.Keys.Select(k => RemoteSection().Match(k)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    /// <summary><c>cache.dir</c> as an absolute path (relative ones are relative to <c>.dvc/</c>, as in DVC), or null.</summary>
    public string? CacheDirectory => Get("cache", "dir") is { } dir ? Path.GetFullPath(dir, _configDirectory) : null;

    public string? Get(string section, string key) =>
        _sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value) ? value : null;

    /// <summary>The remote named <paramref name="name"/>, or the default one when null.</summary>
    public DvcRemoteConfig GetRemote(string? name)
    {
        var remotes = RemoteNames;
        var known = remotes.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", remotes);
        name ??= DefaultRemote
            ?? throw new WmsException($"no default DVC remote ({known}); pass --remote NAME or set 'remote' under [core] in .dvc/config");
        if (!_sections.TryGetValue($"remote \"{name}\"", out var options))
            throw WmsException.NotFound($"DVC remote '{name}' is not in .dvc/config or .dvc/config.local ({known})");
        if (!options.TryGetValue("url", out var url) || url.Length == 0)
            throw new WmsException($".dvc/config: remote '{name}' has no url");
        return new DvcRemoteConfig(name, url, options, _configDirectory);
    }

    private static void Merge(Dictionary<string, Dictionary<string, string>> into, Dictionary<string, Dictionary<string, string>> from)
    {
        foreach (var (section, values) in from)
        {
            if (!into.TryGetValue(section, out var target)) into[section] = target = new(StringComparer.Ordinal);
            foreach (var (key, value) in values) target[key] = value;
        }
    }

    private static Dictionary<string, Dictionary<string, string>> Parse(string text, string name)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[')
            {
                var header = SectionHeader().Match(line);
                if (!header.Success) throw new WmsException($"{name}:{lineNumber}: bad section header '{line}'");
                var section = Unquote(header.Groups[1].Value.Trim());
                if (!sections.TryGetValue(section, out current)) sections[section] = current = new(StringComparer.Ordinal);
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || current is null) throw new WmsException($"{name}:{lineNumber}: expected 'key = value' inside a [section]");
            current[line[..eq].Trim()] = ParseValue(line[(eq + 1)..].Trim());
        }
        return sections;
    }

    private static string ParseValue(string value)
    {
        if (value.Length >= 2 && value[0] is '\'' or '"')
        {
            var end = value.IndexOf(value[0], 1);
            if (end > 0) return value[1..end];
        }
        // configobj allows an inline comment after an unquoted value.
        var comment = value.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? value[..comment] : value).Trim();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '\'' or '"' && value[^1] == value[0] ? value[1..^1] : value;

    /// <summary>Text for a new config with one default remote, in DVC's layout.</summary>
    public static string WithRemote(string name, string url)
    {
        var text = new StringBuilder();
        text.Append("[core]\n    remote = ").Append(name).Append('\n');
        text.Append("['remote \"").Append(name).Append("\"']\n    url = ").Append(url).Append('\n');
        return text.ToString();
    }

    [GeneratedRegex(@"^\[(.+)\]$")]
    private static partial Regex SectionHeader();

    [GeneratedRegex("^remote \"(.+)\"$")]
    private static partial Regex RemoteSection();
}
