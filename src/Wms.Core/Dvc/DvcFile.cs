using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wms.Core.Dvc;

/// <summary>
/// A <c>.dvc</c> file (ECOSYSTEM.md §a.1): read with YamlDotNet, written by hand so the bytes are
/// what DVC's ruamel dump gives (block style, key order md5, size, nfiles, isexec, hash, path).
/// </summary>
public sealed record DvcFile(IReadOnlyList<DvcOut> Outs)
{
    private static readonly string[] KnownKeys = ["md5", "size", "nfiles", "isexec", "hash", "path"];

    /// <summary>Reads <paramref name="path"/>; every problem is a <see cref="WmsException"/> naming the file.</summary>
    public static DvcFile Load(string path)
    {
        if (!File.Exists(path)) throw WmsException.NotFound($"{path}: no such .dvc file");
        return Parse(File.ReadAllText(path), path);
    }

    public static DvcFile Parse(string yaml, string name)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new WmsException($"{name}: invalid YAML ({e.Message})", WmsErrorKind.InvalidInput, e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new WmsException($"{name}: not a .dvc file (a mapping with 'outs' expected)");
        if (!root.Children.TryGetValue(new YamlScalarNode("outs"), out var outsNode) || outsNode is not YamlSequenceNode outs)
            throw new WmsException($"{name}: no 'outs' list");
        return new DvcFile(outs.Children.Select(o => ParseOut(o, name)).ToList());
    }

    private static DvcOut ParseOut(YamlNode node, string name)
    {
        if (node is not YamlMappingNode map)
            throw new WmsException($"{name}: an entry of 'outs' is not a mapping");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var extras = new List<KeyValuePair<string, string>>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            // Nested values (meta, files) are not ours to interpret; only scalars are kept.
            if (valueNode is not YamlScalarNode scalar) continue;
            if (KnownKeys.Contains(key)) values[key] = scalar.Value ?? "";
            else extras.Add(new(key, scalar.Style == ScalarStyle.Plain ? scalar.Value ?? "" : YamlScalar.Quote(scalar.Value ?? "")));
        }
        if (!values.TryGetValue("path", out var path) || path.Length == 0)
            throw new WmsException($"{name}: an output has no 'path'");
        var oid = values.GetValueOrDefault("md5");
        if (oid is not null && !DvcOid.IsValid(oid))
            throw new WmsException($"{name}: '{path}' has an invalid md5 '{oid}'");
        var hashName = values.GetValueOrDefault("hash") switch
        {
            null => DvcHashName.Md5Dos2Unix,
            "md5" => DvcHashName.Md5,
            var other => throw new WmsException($"{name}: unsupported hash '{other}' (md5 expected)"),
        };
        return new DvcOut(path, oid, ParseLong(values, "size", name), (int?)ParseLong(values, "nfiles", name), hashName,
            values.GetValueOrDefault("isexec") is "true" or "True", extras);
    }

    private static long? ParseLong(Dictionary<string, string> values, string key, string name)
    {
        if (!values.TryGetValue(key, out var text)) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WmsException($"{name}: '{key}' is not a number ('{text}')");
    }

    /// <summary>The file's text, byte for byte what DVC 3 writes for the same outputs.</summary>
    public string ToYaml()
    {
        var yaml = new StringBuilder("outs:\n");
        foreach (var o in Outs)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (o.Oid is not null) fields.Add(new("md5", o.Oid));
            if (o.Size is { } size) fields.Add(new("size", size.ToString(CultureInfo.InvariantCulture)));
            if (o.NFiles is { } nfiles) fields.Add(new("nfiles", nfiles.ToString(CultureInfo.InvariantCulture)));
            if (o.IsExec) fields.Add(new("isexec", "true"));
            if (o.HashName == DvcHashName.Md5) fields.Add(new("hash", "md5"));
            fields.Add(new("path", YamlScalar.Format(o.Path)));
            fields.AddRange(o.ExtraKeys);
            for (var i = 0; i < fields.Count; i++)
                yaml.Append(i == 0 ? "- " : "  ").Append(fields[i].Key).Append(": ").Append(fields[i].Value).Append('\n');
        }
        return yaml.ToString();
    }

    /// <summary>Writes the file through a temporary name, so a crash never leaves half a .dvc file.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToYaml());
}
