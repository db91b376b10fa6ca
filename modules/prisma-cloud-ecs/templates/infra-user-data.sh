#!/bin/bash
# User data of the Prisma Cloud infra node: mount the Console's EFS file
# system, then join the ECS cluster as the node where the Console runs.
set -euo pipefail

yum install -y nfs-utils

mkdir -p ${mount_point}
echo "${efs_dns_name}:/ ${mount_point} nfs4 nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport,_netdev 0 0" >> /etc/fstab
# A new mount target's name can take a minute or two to resolve.
for attempt in $(seq 1 30); do
  if mount ${mount_point}; then
    break
  fi
  sleep 10
done
# Without EFS the Console would keep its state on this node's disk and lose
# it with the node: join the cluster only once the file system is mounted.
mountpoint -q ${mount_point}

mkdir -p ${mount_point}/var/lib/twistlock ${mount_point}/var/lib/twistlock-backup ${mount_point}/var/lib/twistlock-config
%{ if twistlock_cfg != null ~}
cat > ${mount_point}/var/lib/twistlock-config/twistlock.cfg <<'PCPLAN_TWISTLOCK_CFG'
${twistlock_cfg}
PCPLAN_TWISTLOCK_CFG
%{ endif ~}

cat >> /etc/ecs/ecs.config <<'PCPLAN_ECS_CONFIG'
ECS_CLUSTER=${cluster_name}
ECS_INSTANCE_ATTRIBUTES={"purpose": "infra"}
PCPLAN_ECS_CONFIG
