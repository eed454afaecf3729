using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wms.Cli.Commands.Registry.Views;

/// <summary>
/// The commands' JSON type info with relaxed escaping, so messages keep their quotes (' not \u0027);
/// the output is a UTF-8 document for tools, not HTML.
/// </summary>
internal static class RegistryJson
{
    private static readonly JsonSerializerOptions Options = new(RegistryJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
