namespace Wms.Training;

/// <summary>Shares of the pairs that go to training, validation and test (<c>data.*_split</c>); they sum to 1.</summary>
public sealed record SplitRatios(double Train, double Validation, double Test)
{
    public static readonly SplitRatios Default = new(0.8, 0.1, 0.1);
}
