using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>
/// One running app serving the colour-rule model from a file, shared by the tests of a class
/// (xunit class fixture). Tests that need other settings start their own app.
/// </summary>
public sealed class ServedModel : IAsyncLifetime
{
    public static readonly byte[] Model = TinyOnnx.ColourRule(1, -1, 0);

    private readonly ModelFiles _files = new();

    public WmsServingApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string Version => ModelFiles.Sha12(Model);

    public async ValueTask InitializeAsync()
    {
        App = new WmsServingApplication(Settings(_files.Write(Model)));
        Client = App.CreateClient();
        await Http.WaitUntilReadyAsync(Client);
    }

    /// <summary>Settings serving <paramref name="modelPath"/> without hot reload; <paramref name="extra"/> overrides.</summary>
    public static Dictionary<string, string?> Settings(string? modelPath, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Serving:Model:Path"] = modelPath,
            ["Serving:Model:PollInterval"] = "00:00:00",
            ["Serving:Model:RetryInterval"] = "00:00:00.100",
            ["Serving:Model:Threads"] = "1",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        _files.Dispose();
    }
}
