using System.Text.Json.Serialization;

namespace Wms.Core.LocalModels;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ModelCacheManifest))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
