using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Wms.Cli.Tests.Workflows;

/// <summary>One `wms ...` call found in a workflow's <c>run:</c> step, and its arguments as the shell would pass them.</summary>
public sealed record WorkflowCommand(string File, string Line, IReadOnlyList<string> Arguments)
{
    public override string ToString() => $"{File}: {Line}";
}

/// <summary>
/// The `wms` calls of the repository's workflows and composite actions. GitHub expressions
/// (<c>${{ ... }}</c>) and shell variables become a placeholder value (<c>1</c>; an expression
/// that yields an option literal, that option), and a trailing
/// <c>|| ...</c> (exit-code handling) is dropped, so what is left is what `wms` will parse.
/// </summary>
public static partial class WorkflowCommands
{
    public static IReadOnlyList<WorkflowCommand> All(string repositoryRoot)
    {
        var github = Path.Combine(repositoryRoot, ".github");
        var files = Directory.GetFiles(Path.Combine(github, "workflows"), "*.yml")
            .Concat(Directory.Exists(Path.Combine(github, "actions")) ? Directory.GetFiles(Path.Combine(github, "actions"), "action.yml", SearchOption.AllDirectories) : [])
            .Order(StringComparer.Ordinal);
        return [.. files.SelectMany(file => RunScripts(file)
            .SelectMany(script => script.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("wms ", StringComparison.Ordinal))
            .Select(line => new WorkflowCommand(Path.GetRelativePath(repositoryRoot, file), line, Tokens(line)[1..])))];
    }

    private static IEnumerable<string> RunScripts(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file)) yaml.Load(reader);
        return yaml.Documents.SelectMany(d => Walk(d.RootNode));
    }

    private static IEnumerable<string> Walk(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(p =>
            p.Key is YamlScalarNode { Value: "run" } && p.Value is YamlScalarNode { Value: { } script } ? [script] : Walk(p.Value)),
        YamlSequenceNode list => list.Children.SelectMany(Walk),
        _ => [],
    };

    /// <summary>Splits like a POSIX shell for the simple lines workflows hold: quotes, variables, no globbing.</summary>
    private static List<string> Tokens(string line)
    {
        // An expression that yields an option (`${{ inputs.force && '--force' || '' }}`) stands for it; any other for a value.
        var text = Expression().Replace(line, m => QuotedOption().Match(m.Value) is { Success: true } option ? option.Groups[1].Value : "1");
        var or = text.IndexOf(" || ", StringComparison.Ordinal);
        if (or >= 0) text = text[..or];
        text = Variable().Replace(text, "1");
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else current.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken) tokens.Add(current.ToString());
                current.Clear();
                inToken = false;
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }

    [GeneratedRegex(@"\$\{\{.*?\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"'(--[a-z][a-z0-9-]*)'")]
    private static partial Regex QuotedOption();

    [GeneratedRegex(@"\$\{?[A-Za-z_][A-Za-z0-9_]*\}?")]
    private static partial Regex Variable();
}
