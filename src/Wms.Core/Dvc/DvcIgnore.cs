using System.Text;
using System.Text.RegularExpressions;

namespace Wms.Core.Dvc;

/// <summary>
/// The repository's root <c>.dvcignore</c> (gitignore syntax: <c>*</c>, <c>?</c>, <c>[..]</c>,
/// <c>**</c>, a leading or inner <c>/</c> anchors, a trailing <c>/</c> means folders only, <c>!</c>
/// re-includes, the last matching line wins, and nothing below an ignored folder comes back).
/// <c>.dvcignore</c> files in sub-folders are not read.
/// </summary>
public sealed class DvcIgnore
{
    public const string FileName = ".dvcignore";

    private readonly string _root;
    private readonly List<Rule> _rules;

    private DvcIgnore(string root, List<Rule> rules)
    {
        _root = root;
        _rules = rules;
    }

    /// <summary>The root's <c>.dvcignore</c>, or null when it has no patterns.</summary>
    public static DvcIgnore? Load(string root)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path)) return null;
        var ignore = Parse(File.ReadAllText(path), root);
        return ignore._rules.Count == 0 ? null : ignore;
    }

    public static DvcIgnore Parse(string text, string root)
    {
        var rules = new List<Rule>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (!line.EndsWith("\\ ", StringComparison.Ordinal)) line = line.TrimEnd(' ');
            if (line.Length == 0 || line[0] == '#') continue;
            var negate = line[0] == '!';
            if (negate) line = line[1..];
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal)) line = line[1..];
            var directoryOnly = line.EndsWith('/');
            if (directoryOnly) line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            var anchored = line.Contains('/');
            var body = line.TrimStart('/');
            var regex = new Regex("^" + (anchored ? "" : "(?:.*/)?") + Translate(body) + "$", RegexOptions.CultureInvariant);
            rules.Add(new Rule(regex, negate, directoryOnly));
        }
        return new DvcIgnore(Path.GetFullPath(root), rules);
    }

    /// <summary>True when the file at <paramref name="fullPath"/> (inside the root) is ignored.</summary>
    public bool IsIgnored(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return false;
        var segments = relative.Split('/');
        for (var depth = 1; depth <= segments.Length; depth++)
        {
            var isDirectory = depth < segments.Length;
            if (Matches(string.Join('/', segments[..depth]), isDirectory)) return true;
        }
        return false;
    }

    private bool Matches(string path, bool isDirectory)
    {
        var ignored = false;
        foreach (var rule in _rules)
        {
            if (rule.DirectoryOnly && !isDirectory) continue;
            if (rule.Pattern.IsMatch(path)) ignored = !rule.Negate;
        }
        return ignored;
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var atStart = i == 0 || glob[i - 1] == '/';
                var atEnd = i + 2 == glob.Length;
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                if (atStart && slashAfter)
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(atEnd && atStart ? ".*" : "[^/]*");
                    i++;
                }
                continue;
            }
            switch (c)
            {
                case '*': regex.Append("[^/]*"); break;
                case '?': regex.Append("[^/]"); break;
                case '\\' when i + 1 < glob.Length: regex.Append(Regex.Escape(glob[++i].ToString())); break;
                case '[':
                    var close = glob.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }
                    var set = glob[(i + 1)..close];
                    if (set.StartsWith('!')) set = "^" + set[1..];
                    regex.Append('[').Append(set.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = close;
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return regex.ToString();
    }

    private sealed record Rule(Regex Pattern, bool Negate, bool DirectoryOnly);
}
