namespace Wms.Core.Registry.Promotion;

/// <summary>Who promotes and from where, recorded as version tags and in the history file.</summary>
/// <param name="User">A person or CI account (GITHUB_ACTOR in GitHub Actions, else the OS user).</param>
/// <param name="Origin">A host name, or the CI run ("github-actions owner/repo run 123").</param>
public sealed record PromotionActor(string User, string Origin)
{
    /// <summary>The actor described by environment variables (read through <paramref name="variable"/>).</summary>
    public static PromotionActor FromEnvironment(Func<string, string?> variable)
    {
        var user = Blank(variable("GITHUB_ACTOR")) ?? Blank(variable("USER")) ?? Blank(variable("USERNAME")) ?? Environment.UserName;
        var origin = Blank(variable("GITHUB_ACTIONS")) == "true"
            ? $"github-actions {variable("GITHUB_REPOSITORY")} run {variable("GITHUB_RUN_ID")}".Trim()
            : Environment.MachineName;
        return new PromotionActor(user, origin);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
