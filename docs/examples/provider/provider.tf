terraform {
  required_providers {
    xtap = {
      source  = "constructs-xtap/xtap"
      version = "~> 0.1.0"
    }
  }
}

# Here every setting comes from the environment (AZURE_TENANT_ID, AZURE_CLIENT_ID,
# AZURE_CLIENT_SECRET, ...), so no secret is written in the configuration.
provider "xtap" {}
