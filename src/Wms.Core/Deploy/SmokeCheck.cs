namespace Wms.Core.Deploy;

/// <summary>One check of a smoke test: what, whether it passed, and what was seen.</summary>
public sealed record SmokeCheck(string Name, bool Passed, string Detail);

/// <summary>All checks of one smoke test against a deployed model API.</summary>
public sealed record SmokeResult(string Url, IReadOnlyList<SmokeCheck> Checks)
{
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);
}
