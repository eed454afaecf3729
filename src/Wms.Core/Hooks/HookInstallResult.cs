namespace Wms.Core.Hooks;

/// <summary>What <see cref="HookInstaller.Install"/> did.</summary>
public sealed record HookInstallResult(string HookPath, bool Replaced, string? BackupPath);
