plugins {
    kotlin("jvm") version "2.0.21"
}

dependencies {
    implementation("com.anthropic:anthropic-java:0.8.0")
    implementation("org.slf4j:slf4j-api:2.0.9")
    testImplementation(kotlin("test"))
}
