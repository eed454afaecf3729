// Makes the entry point visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
