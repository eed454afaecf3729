using Wms.Core;
using Wms.Tests.Shared;
using Wms.Training.Configuration;
using Xunit;

namespace Wms.Training.Tests.Configuration;

public sealed class TrainingConfigFileTests
{
    [Fact]
    public void The_example_config_in_the_repository_holds_the_defaults()
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "configs", "default.yaml");
        Assert.Equal(new TrainingOptions(), TrainingConfigFile.Load(path));
    }

    [Fact]
    public void Every_key_is_honoured_and_keys_left_out_keep_their_defaults()
    {
        var options = TrainingConfigFile.Parse("""
            model:
              architecture: UNet
              input_size: [256, 256]
            training:
              epochs: 7
              batch_size: 2
              learning_rate: 1e-3
              weight_decay: 0
              early_stopping_patience: 2
              scheduler: {factor: 0.25, patience: 1, min_lr: 0.00001}
            data:
              train_split: 0.7
              val_split: 0.15
              test_split: 0.15
            augmentation:
              horizontal_flip: 0
              vertical_flip: 1
              rotation_degrees: 5
              rotation_prob: 0.25
              quarter_turn_prob: 0.2
              color_jitter_prob: 0.1
            compute:
              channels_last: true
              bf16: true
            """, "c.yaml");
        Assert.Equal(new TrainingOptions
        {
            Architecture = "UNet",
            ImageSize = 256,
            Epochs = 7,
            BatchSize = 2,
            LearningRate = 1e-3,
            WeightDecay = 0,
            EarlyStoppingPatience = 2,
            SchedulerFactor = 0.25,
            SchedulerPatience = 1,
            MinLearningRate = 1e-5,
            Split = new SplitRatios(0.7, 0.15, 0.15),
            Augmentation = new AugmentationOptions
            {
                HorizontalFlip = 0, VerticalFlip = 1, RotationDegrees = 5, RotationProbability = 0.25, QuarterTurnProbability = 0.2,
                ColorJitterProbability = 0.1,
            },
            Compute = new ComputeOptions(ChannelsLast: true, BFloat16: true),
        }, options);

        Assert.Equal(new TrainingOptions { Depth = 5 }, TrainingConfigFile.Parse("model:\n  depth: 5\n", "c.yaml"));
        var partial = TrainingConfigFile.Parse("training:\n  epochs: 3\n", "c.yaml");
        Assert.Equal(new TrainingOptions { Epochs = 3 }, partial);
        Assert.Equal(new TrainingOptions(), TrainingConfigFile.Parse("", "empty.yaml"));
    }

    [Fact]
    public void The_recipe_keys_are_read_and_written_back()
    {
        var options = TrainingConfigFile.Parse("""
            training:
              epochs: 30
              learning_rate: 0.001
              time_limit_minutes: 52
              weight_average: 0.995
              loss: bce_dice
              scheduler: {type: cosine, warmup_epochs: 2, min_lr: 0.00001}
            evaluation:
              mask_size: 512
            model:
              postprocess: largest_region
            """, "r.yaml");
        var expected = new TrainingOptions
        {
            Epochs = 30, LearningRate = 1e-3, TimeLimitMinutes = 52, WeightAverageDecay = 0.995, Loss = LossKind.BceDice, Schedule = LearningRateSchedule.Cosine,
            WarmupEpochs = 2, MinLearningRate = 1e-5, EvaluationMaskSize = 512, Postprocess = Core.Inference.MaskPostprocess.LargestRegion,
        };
        Assert.Equal(expected, options);
        Assert.Equal(512, options.TestMaskSize);
        Assert.Equal(expected, TrainingConfigFile.Parse(TrainingConfigFile.Write(expected), "w.yaml"));

        var cropped = TrainingConfigFile.Parse("model:\n  input_size: 512\naugmentation:\n  crop_size: 256\n  crop_counter_prob: 0.5\n  crop_fit_counter: true\n  scale_prob: 0.4\n  scale_limit: 0.25\n", "c.yaml");
        Assert.Equal((256, 0.5, true), (cropped.Augmentation.CropSize, cropped.Augmentation.CropOnCounterProbability, cropped.Augmentation.CropFitsCounter));
        Assert.Equal((0.4, 0.25), (cropped.Augmentation.ScaleProbability, cropped.Augmentation.ScaleLimit));
        Assert.Equal(cropped, TrainingConfigFile.Parse(TrainingConfigFile.Write(cropped), "w.yaml"));

        var sparse = TrainingConfigFile.Parse("training:\n  epochs: 90\n  validate_every: 8\n  validate_each_epoch_from: 70\n", "v.yaml");
        Assert.Equal((8, 70), (sparse.ValidateEvery, sparse.ValidateEachEpochFrom));
        Assert.Equal(sparse, TrainingConfigFile.Parse(TrainingConfigFile.Write(sparse), "w.yaml"));
        Assert.Equal(new TrainingOptions(), TrainingConfigFile.Parse("training:\n  validate_every: 1\n  validate_each_epoch_from: none\n", "v.yaml"));

        var defaults = TrainingConfigFile.Parse("training:\n  time_limit_minutes: none\n  weight_average: none\nevaluation:\n  mask_size: input_size\naugmentation:\n  crop_size: none\n", "d.yaml");
        Assert.Equal(new TrainingOptions(), defaults);
        // Off, the key is not written: configs written before it existed keep their text and hash.
        Assert.DoesNotContain("crop_fit_counter", TrainingConfigFile.Write(defaults));
        Assert.DoesNotContain("validate_", TrainingConfigFile.Write(defaults));
        Assert.Equal(512, defaults.TestMaskSize);
        Assert.Equal(128, (defaults with { ImageSize = 128 }).TestMaskSize);
    }

    [Fact]
    public void The_water_meters_recipe_loads()
    {
        var recipe = TrainingConfigFile.Load(Path.Combine(TestEnvironment.RepositoryRoot, "configs", "water-meters.yaml"));
        Assert.Equal((512, 512, LossKind.BceDice, LearningRateSchedule.Cosine), (recipe.ImageSize, recipe.TestMaskSize, recipe.Loss, recipe.Schedule));
        Assert.Equal((256, true), (recipe.Augmentation.CropSize, recipe.Augmentation.CropFitsCounter));
        Assert.Equal(Core.Inference.MaskPostprocess.LargestRegion, recipe.Postprocess);
        Assert.True(recipe.Split.Test >= 0.15, "the issue asks for a test split of at least 15 %");
        Assert.True(recipe.TimeLimitMinutes < 60);

        var fast = TrainingConfigFile.Load(Path.Combine(TestEnvironment.RepositoryRoot, "configs", "water-meters-256.yaml"));
        Assert.Equal((256, 512, null), (fast.ImageSize, fast.TestMaskSize, fast.Augmentation.CropSize));
    }

    [Fact]
    public void Written_options_read_back_the_same()
    {
        var options = new TrainingOptions
        {
            ImageSize = 128, Depth = 5, Epochs = 3, LearningRate = 3e-4, Split = new SplitRatios(0.6, 0.2, 0.2),
            Augmentation = new AugmentationOptions { RotationDegrees = 12.5 }, Compute = new ComputeOptions(false, true),
        };
        Assert.Equal(options, TrainingConfigFile.Parse(TrainingConfigFile.Write(options), "w.yaml"));

        var wider = options with { BaseFilters = 32 };
        Assert.Contains("  base_filters: 32\n", TrainingConfigFile.Write(wider));
        Assert.Equal(wider, TrainingConfigFile.Parse(TrainingConfigFile.Write(wider), "w.yaml"));
    }

    [Fact]
    public void The_original_width_is_not_written_so_configs_written_before_the_key_keep_their_text()
    {
        Assert.DoesNotContain("base_filters", TrainingConfigFile.Write(new TrainingOptions()));
        Assert.Equal(new TrainingOptions { BaseFilters = 24 }, TrainingConfigFile.Parse("model:\n  base_filters: 24\n", "c.yaml"));
    }

    [Theory]
    [InlineData("trainig:\n  epochs: 3\n", "unknown key \"trainig\" (line 1)")]
    [InlineData("training:\n  epoch: 3\n", "unknown key \"epoch\" in training (line 2)")]
    [InlineData("training:\n  scheduler:\n    factr: 0.5\n", "unknown key \"factr\" in training.scheduler (line 3)")]
    [InlineData("training:\n  epochs: fifty\n", "training.epochs: expected an integer, got \"fifty\" (line 2)")]
    [InlineData("training:\n  epochs: 2.5\n", "training.epochs: expected an integer, got \"2.5\"")]
    [InlineData("training:\n  epochs: \"50\"\n", "training.epochs: expected an integer, got the text \"50\" (remove the quotes)")]
    [InlineData("training:\n  epochs:\n", "training.epochs: expected an integer, but the value is empty")]
    [InlineData("training:\n  learning_rate: [1, 2]\n", "training.learning_rate: expected a number, got a list")]
    [InlineData("training: 5\n", "training: expected a section with keys epochs, batch_size")]
    [InlineData("compute:\n  bf16: maybe\n", "compute.bf16: expected true, false or auto, got \"maybe\"")]
    [InlineData("compute:\n  channels_last: maybe\n", "compute.channels_last: expected true or false, got \"maybe\"")]
    [InlineData("training:\n  epochs: 0\n", "training.epochs: must be at least 1, not 0")]
    [InlineData("training:\n  batch_size: -1\n", "training.batch_size: must be at least 1")]
    [InlineData("model:\n  input_size: 100\n", "model.input_size: must be divisible by 16")]
    [InlineData("model:\n  depth: 3\n", "model.depth: must be one of 4, 5, not 3")]
    [InlineData("model:\n  base_filters: 12\n", "model.base_filters: must be a multiple of 8 from 8 to 64, not 12")]
    [InlineData("model:\n  base_filters: 128\n", "model.base_filters: must be a multiple of 8 from 8 to 64, not 128")]
    [InlineData("model:\n  depth: 5\n  input_size: 496\n", "model.input_size: must be divisible by 32 (the U-Net halves it 5 times) and between 32 and 2048, not 496")]
    [InlineData("model:\n  input_size: 4096\n", "model.input_size: must be divisible by 16 (the U-Net halves it 4 times) and between 32 and 2048, not 4096")]
    [InlineData("model:\n  depth: 5\naugmentation:\n  crop_size: 240\n", "augmentation.crop_size: must be between 32 and model.input_size (512) and divisible by 32, not 240")]
    [InlineData("model:\n  input_size: [256, 128]\n", "model.input_size: only square input sizes are supported, not [256, 128]")]
    [InlineData("augmentation:\n  crop_size: 640\n", "augmentation.crop_size: must be between 32 and model.input_size (512) and divisible by 16, not 640")]
    [InlineData("augmentation:\n  crop_size: 200\n", "augmentation.crop_size: must be between 32 and model.input_size (512) and divisible by 16, not 200")]
    [InlineData("augmentation:\n  crop_counter_prob: 2\n", "augmentation.crop_counter_prob: must be a probability in [0, 1], not 2")]
    [InlineData("augmentation:\n  scale_prob: -0.1\n", "augmentation.scale_prob: must be a probability in [0, 1], not -0.1")]
    [InlineData("augmentation:\n  scale_limit: 1\n", "augmentation.scale_limit: must be 0 or more and less than 1 (the zoom is 1 +- this), not 1")]
    [InlineData("augmentation:\n  scale_limit: wide\n", "augmentation.scale_limit: expected a number, got \"wide\"")]
    [InlineData("model:\n  architecture: resnet\n", "model.architecture: only \"unet\" is supported")]
    [InlineData("model:\n  input_channels: 1\n", "model.input_channels: must be 3")]
    [InlineData("data:\n  train_split: 0.5\n", "data: train_split + val_split + test_split must be 1, not 0.7")]
    [InlineData("data:\n  test_split: 0\n  train_split: 0.9\n", "data.test_split: must be between 0 and 1 (exclusive), not 0")]
    [InlineData("augmentation:\n  horizontal_flip: 1.5\n", "augmentation.horizontal_flip: must be a probability in [0, 1], not 1.5")]
    [InlineData("training:\n  scheduler:\n    factor: 1\n", "training.scheduler.factor: must be between 0 and 1 (exclusive)")]
    [InlineData("training:\n  scheduler:\n    min_lr: 0.1\n", "training.scheduler.min_lr: must be between 0 and the learning rate")]
    [InlineData("training:\n  epochs: [\n", "not valid YAML at line")]
    [InlineData("model:\n  postprocess: biggest\n", "model.postprocess: expected one of none, largest_region, got \"biggest\"")]
    [InlineData("training:\n  loss: focal\n", "training.loss: expected one of bce, bce_dice, bce_tversky, got \"focal\"")]
    [InlineData("training:\n  scheduler:\n    type: step\n", "training.scheduler.type: expected one of plateau, cosine, got \"step\"")]
    [InlineData("training:\n  scheduler:\n    warmup_epochs: 1\n", "training.scheduler.warmup_epochs: needs training.scheduler.type: cosine")]
    [InlineData("training:\n  epochs: 3\n  scheduler:\n    type: cosine\n    warmup_epochs: 3\n", "training.scheduler.warmup_epochs: must be 0 or more and less than training.epochs (3), not 3")]
    [InlineData("training:\n  time_limit_minutes: 0\n", "training.time_limit_minutes: must be greater than 0, not 0")]
    [InlineData("training:\n  time_limit_minutes: soon\n", "training.time_limit_minutes: expected a number, got \"soon\"")]
    [InlineData("training:\n  validate_every: 0\n", "training.validate_every: must be at least 1 (validate after every epoch), not 0")]
    [InlineData("training:\n  validate_every: often\n", "training.validate_every: expected an integer, got \"often\"")]
    [InlineData("training:\n  validate_each_epoch_from: 0\n", "training.validate_each_epoch_from: must be an epoch (1 or more), or none, not 0")]
    [InlineData("training:\n  weight_average: 1\n", "training.weight_average: must be a decay between 0 and 1 (exclusive), or none, not 1")]
    [InlineData("training:\n  weight_average: yes\n", "training.weight_average: expected a number, got \"yes\"")]
    [InlineData("evaluation:\n  mask_size: 16\n", "evaluation.mask_size: must be between 32 and 2048, not 16")]
    [InlineData("evaluation:\n  mask_sise: 512\n", "unknown key \"mask_sise\" in evaluation (line 2)")]
    [InlineData("- a\n- b\n", "expected a mapping of sections")]
    public void A_bad_config_is_one_line_naming_the_file_and_key(string yaml, string expected)
    {
        var error = Assert.Throws<WmsException>(() => TrainingConfigFile.Parse(yaml, "/x/train.yaml"));
        Assert.Equal(WmsErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("/x/train.yaml: ", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("nope.yaml");
        var error = Assert.Throws<WmsException>(() => TrainingConfigFile.Load(path));
        Assert.Equal($"{path}: config file not found", error.Message);
    }
}
