using System.Globalization;

namespace Wms.Deploy.Tests.Workflows;

/// <summary>
/// Evaluates the subset of GitHub Actions expressions that job and step conditions use: contexts
/// (needs.x.result, needs.x.outputs.y, inputs.z, github.event_name), string/number/bool literals,
/// == != ! && || with GitHub's truthiness and case-insensitive string equality, and the status
/// functions always() success() failure() cancelled(), which the caller supplies.
/// </summary>
public sealed class GitHubExpression
{
    private readonly string _text;
    private readonly Func<string, object?> _context;
    private readonly Func<string, bool> _status;
    private int _at;

    private GitHubExpression(string text, Func<string, object?> context, Func<string, bool> status)
    {
        _text = text;
        _context = context;
        _status = status;
    }

    /// <summary>True when the expression mentions a status function (otherwise GitHub ANDs success()).</summary>
    public static bool HasStatusFunction(string text) =>
        new[] { "always()", "success()", "failure()", "cancelled()" }.Any(f => text.Contains(f, StringComparison.Ordinal));

    public static object? Evaluate(string text, Func<string, object?> context, Func<string, bool> status)
    {
        text = text.Trim();
        if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))
            text = text[3..^2];
        var parser = new GitHubExpression(text, context, status);
        var value = parser.Or();
        parser.SkipSpace();
        if (parser._at != text.Length) throw new FormatException($"unexpected '{text[parser._at..]}' in '{text}'");
        return value;
    }

    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0 && !double.IsNaN(d),
        _ => true,
    };

    private object? Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var right = And();
            left = IsTruthy(left) ? left : right;
        }
        return left;
    }

    private object? And()
    {
        var left = Unary();
        while (Accept("&&"))
        {
            var right = Unary();
            left = IsTruthy(left) ? right : left;
        }
        return left;
    }

    private object? Unary() => Accept("!") ? !IsTruthy(Unary()) : Comparison();

    private object? Comparison()
    {
        var left = Primary();
        if (Accept("==")) return Equal(left, Primary());
        if (Accept("!=")) return !Equal(left, Primary());
        return left;
    }

    private object? Primary()
    {
        SkipSpace();
        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }
        if (Peek() == '\'')
        {
            var end = _text.IndexOf('\'', _at + 1);
            var literal = _text[(_at + 1)..end];
            _at = end + 1;
            return literal;
        }
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '.' or '_' or '-')) _at++;
        var word = _text[start.._at];
        if (word.Length == 0) throw new FormatException($"expected a value at '{_text[start..]}'");
        if (Accept("("))
        {
            Expect(")");
            return _status(word);
        }
        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => _context(word),
        };
    }

    private static bool Equal(object? a, object? b) =>
        string.Equals(Text(a), Text(b), StringComparison.OrdinalIgnoreCase);

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private bool Accept(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _at, token, 0, token.Length) != 0) return false;
        // "!=" is not "!" followed by "=".
        if (token == "!" && _at + 1 < _text.Length && _text[_at + 1] == '=') return false;
        _at += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token)) throw new FormatException($"expected '{token}' at {_at} in '{_text}'");
    }

    private char Peek()
    {
        SkipSpace();
        return _at < _text.Length ? _text[_at] : '\0';
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at])) _at++;
    }
}
