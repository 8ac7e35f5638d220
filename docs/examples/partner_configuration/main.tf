variable "partner_tenant_id" {
  type        = string
  description = "Tenant id (GUID) of the partner organisation."
}

variable "collaborating_groups" {
  type        = list(string)
  description = "Object ids of our groups whose members may be invited by the partner."
  default     = []
}

variable "partner_applications" {
  type        = list(string)
  description = "Application ids of the partner's apps our users may use, or AllApplications."
  default     = ["AllApplications"]
}

# A value known only after apply, such as the id of a group created in the same configuration.
resource "terraform_data" "project_group" {
  input = "6f546279-4da5-4b53-a095-09ea0cef9971"
}

locals {
  group_targets = [
    for group_id in concat(var.collaborating_groups, [terraform_data.project_group.output]) : {
      target     = group_id
      targetType = "group"
    }
  ]
}

resource "xtap_partner_configuration" "partner" {
  tenant_id = var.partner_tenant_id

  # Each setting is Graph's JSON object in Graph's camelCase; leave it out to inherit the default.
  inbound_trust = jsonencode({
    isMfaAccepted                       = true
    isCompliantDeviceAccepted           = true
    isHybridAzureADJoinedDeviceAccepted = false
  })

  b2b_collaboration_outbound = jsonencode({
    usersAndGroups = {
      accessType = "allowed"
      targets    = local.group_targets
    }
    applications = {
      accessType = "allowed"
      targets = [
        for app_id in var.partner_applications : { target = app_id, targetType = "application" }
      ]
    }
  })

  b2b_direct_connect_inbound = jsonencode({
    usersAndGroups = {
      accessType = "blocked"
      targets    = [{ target = "AllUsers", targetType = "user" }]
    }
    applications = {
      accessType = "blocked"
      targets    = [{ target = "AllApplications", targetType = "application" }]
    }
  })
}

output "partner_id" {
  value = xtap_partner_configuration.partner.id
}
