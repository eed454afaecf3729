using System.Security.Cryptography;
using System.Text;
using Wms.Core;
using Wms.Core.DataQuality;
using Wms.Core.Dvc;
using Wms.Core.Models;
using Wms.Training;
using Wms.Training.Configuration;

namespace Wms.Cli.Pipeline;

/// <summary>The content hashes a pipeline run keys its steps by.</summary>
public static class PipelineHashes
{
    /// <summary>
    /// A data set's content: the DVC md5 ids of images/ and masks/ (file names and bytes, nothing
    /// else), so <c>.gitignore</c> or <c>.dvc</c> files written next to them do not change it.
    /// </summary>
    public static string Data(string directory, CancellationToken cancellationToken)
    {
        var parts = new[] { DataSetLayout.ImagesFolder, DataSetLayout.MasksFolder }.Select(folder =>
        {
            var path = Path.Combine(directory, folder);
            return Directory.Exists(path) ? DirectoryHasher.Hash(path, cancellationToken: cancellationToken).Oid : "absent";
        });
        return Of(string.Join('|', parts));
    }

    /// <summary>
    /// The training configuration as it will be used: the YAML wms train writes into the run folder,
    /// the seed (an option, not a config key) and the starting weights' bytes (<c>--init</c>; their
    /// content, not their path: new weights under the same name must retrain). Threads are left
    /// out: they change speed, not the setup.
    /// </summary>
    public static string Config(TrainingOptions options) =>
        Of(TrainingConfigFile.Write(options), "seed=" + options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "init=" + (options.InitialWeights is { } weights ? WeightsSha256(weights) : "none"));

    private static string WeightsSha256(string path) =>
        File.Exists(path) ? FileHash.Sha256(path) : throw WmsException.NotFound($"{path}: weights file not found");

    /// <summary>A short hex SHA-256 of the parts joined.</summary>
    public static string Of(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..16];
}
