using Wms.Core.Dvc;
using Xunit;

namespace Wms.Core.Tests.Dvc;

/// <summary>String escaping as Python's json.dumps with ensure_ascii=True (expected values from CPython 3.11).</summary>
public sealed class PythonJsonTests
{
    [Theory]
    [InlineData("plain.jpg", "\"plain.jpg\"")]
    [InlineData("a/b <c> & 'd' + e", "\"a/b <c> & 'd' + e\"")]
    [InlineData("quote\" back\\slash", "\"quote\\\" back\\\\slash\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f\u007f", "\"\\u0001\\u001f\\u007f\"")]
    [InlineData("é€", "\"\\u00e9\\u20ac\"")]
    [InlineData("😀", "\"\\ud83d\\ude00\"")]
    public void Escapes_like_python(string value, string expected) => Assert.Equal(expected, PythonJson.QuoteString(value));
}
