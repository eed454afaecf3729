namespace Wms.Serving.Models;

/// <summary>What the server says about the model it serves (responses, <c>wms_model_info</c>, logs).</summary>
/// <param name="Version">Registry version, or <c>sha256:&lt;12 hex&gt;</c> for a file without one.</param>
/// <param name="RunId">The training run; empty when unknown.</param>
/// <param name="Alias">What was asked for: the alias or stage (<c>production</c>), or <c>file</c>.</param>
/// <param name="Source">Where it came from, for people: a path or <c>models:/name@alias</c>.</param>
/// <param name="Sha256">SHA-256 of the ONNX file (lower-case hex); empty while not yet known.</param>
public sealed record ModelDescriptor(string Version, string RunId, string Alias, string Source, string Sha256);
