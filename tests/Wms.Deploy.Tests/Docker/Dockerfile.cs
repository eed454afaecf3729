using System.Text.RegularExpressions;

namespace Wms.Deploy.Tests.Docker;

/// <summary>One Dockerfile instruction: keyword (upper case) and its arguments, continuation lines joined.</summary>
public sealed record Instruction(string Keyword, string Arguments);

/// <summary>One build stage: its base image, its name and its instructions.</summary>
public sealed record Stage(string BaseImage, string? Name, IReadOnlyList<Instruction> Instructions)
{
    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    public string? Last(string keyword) => All(keyword).LastOrDefault();
}

/// <summary>A Dockerfile read the way the builder reads it (comments dropped, '\' continuations joined).</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    public IEnumerable<Instruction> Instructions => Stages.SelectMany(s => s.Instructions);

    public static Dockerfile Load(string path)
    {
        var stages = new List<Stage>();
        string? image = null, name = null;
        var current = new List<Instruction>();
        foreach (var (keyword, arguments) in Parse(File.ReadAllLines(path)))
        {
            if (keyword == "FROM")
            {
                if (image is not null) stages.Add(new Stage(image, name, current));
                var match = FromPattern().Match(arguments);
                (image, name, current) = (match.Groups["image"].Value, match.Groups["name"].Success ? match.Groups["name"].Value : null, []);
                continue;
            }
            current.Add(new Instruction(keyword, arguments));
        }
        if (image is not null) stages.Add(new Stage(image, name, current));
        return new Dockerfile(stages);
    }

    private static IEnumerable<(string, string)> Parse(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (pending.Length > 0 && line.StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var full = (pending + line).Trim();
            pending = "";
            var space = full.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0 ? (full.ToUpperInvariant(), "") : (full[..space].ToUpperInvariant(), full[(space + 1)..].Trim());
        }
    }

    [GeneratedRegex(@"^(?:--platform=\S+\s+)?(?<image>\S+)(?:\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();
}
