import * as Menu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, CircleAlert, FolderSync, GitMerge, Library, Share2, Users } from 'lucide-react';
import { useOperationQuery } from '../api/queries';
import { Tooltip } from '../ui/Tooltip';
import { Avatar } from './Avatar';
import { shortcutOf } from '../app/shortcuts';
import { TEAM_MENU_LABELS } from '../app/commandPlaces';
import { useWorkbench } from '../app/workbench';
import { count, shortActorId } from './format';
import { useTeamDialogs } from './useTeamDialogs';
import './team.css';

/** Open conflicts, counted by claim; the badge shows only while there are some. */
export function useOpenConflictCount(): number {
  const conflicts = useOperationQuery('conflicts.list', {});
  return conflicts.data?.length ?? 0;
}

/** The header's team cluster: the conflict badge and the team menu with who you are. */
export function TeamHeader() {
  return (
    <div className="team-header">
      <ConflictBadge />
      <TeamMenu />
    </div>
  );
}

function ConflictBadge() {
  const { open } = useTeamDialogs();
  const n = useOpenConflictCount();
  if (n === 0) return null;
  return (
    <Tooltip
      content={
        <>
          Resolve conflicts<span className="tooltip-kbd">{shortcutOf('team.conflicts')}</span>
        </>
      }
    >
      <button
        type="button"
        className="btn btn-sm team-badge"
        data-testid="conflict-badge"
        aria-label={`${count(n, 'conflicted claim')}: open the conflict queue`}
        onClick={() => open('conflicts')}
      >
        <CircleAlert size={14} aria-hidden />
        <span className="team-badge-count">{n.toLocaleString()}</span>
        <span className="team-badge-word">{n === 1 ? 'conflict' : 'conflicts'}</span>
      </button>
    </Tooltip>
  );
}

function TeamMenu() {
  const { open } = useTeamDialogs();
  const { dispatch } = useWorkbench();
  const identity = useOperationQuery('team.identity', {});
  const n = useOpenConflictCount();
  const me = identity.data;
  const teammates = me?.actors.filter((a) => a.actorId !== me.actorId) ?? [];
  return (
    <Menu.Root>
      <Tooltip content="Team: share, merge, conflicts, sync, fact-check libraries">
        <Menu.Trigger asChild>
          <button type="button" className="btn btn-ghost team-menu-trigger" aria-label="Team">
            <Users size={16} aria-hidden />
            <ChevronDown size={12} aria-hidden />
          </button>
        </Menu.Trigger>
      </Tooltip>
      <Menu.Portal>
        <Menu.Content className="menu team-menu" align="end" sideOffset={6}>
          {me && (
            <Menu.Label className="team-menu-me" data-testid="team-identity">
              <Avatar name={me.author ?? '?'} actorId={me.actorId} size={30} />
              <span className="team-menu-me-text">
                <span className="team-menu-me-name">{me.author ?? 'No name yet'}</span>
                <span className="team-menu-me-id muted">
                  Actor id <code>{shortActorId(me.actorId)}</code>
                </span>
                {me.keyFingerprint && (
                  <span className="team-menu-me-id muted" data-testid="own-key-fingerprint">
                    Key <code>{me.keyFingerprint}</code>
                  </span>
                )}
              </span>
            </Menu.Label>
          )}
          <Menu.Separator className="menu-separator" />
          <Menu.Item className="menu-item team-menu-item" onSelect={() => open('share')}>
            <Share2 size={14} aria-hidden /> {TEAM_MENU_LABELS.share}
            <span className="team-menu-kbd">{shortcutOf('team.share')}</span>
          </Menu.Item>
          <Menu.Item className="menu-item team-menu-item" onSelect={() => open('merge')}>
            <GitMerge size={14} aria-hidden /> {TEAM_MENU_LABELS.merge}
            <span className="team-menu-kbd">{shortcutOf('team.merge')}</span>
          </Menu.Item>
          <Menu.Item className="menu-item team-menu-item" onSelect={() => open('conflicts')}>
            <CircleAlert size={14} aria-hidden /> Conflicts{n > 0 ? ` (${n.toLocaleString()})` : ''}
            <span className="team-menu-kbd">{shortcutOf('team.conflicts')}</span>
          </Menu.Item>
          <Menu.Item className="menu-item team-menu-item" onSelect={() => open('sync')}>
            <FolderSync size={14} aria-hidden /> {TEAM_MENU_LABELS.sync}
          </Menu.Item>
          <Menu.Item className="menu-item team-menu-item" onSelect={() => dispatch({ type: 'dialog', dialog: 'libraries' })}>
            <Library size={14} aria-hidden /> {TEAM_MENU_LABELS.libraries}
          </Menu.Item>
          {teammates.length > 0 && (
            <>
              <Menu.Separator className="menu-separator" />
              <Menu.Label className="team-menu-heading">People in this workspace</Menu.Label>
              {teammates.map((a) => (
                <Menu.Label key={a.actorId} className="team-menu-person">
                  <Avatar name={a.name} actorId={a.actorId} size={20} />
                  <span className="team-menu-person-name">{a.name}</span>
                  <span className="muted">{count(a.changes, 'change')}</span>
                </Menu.Label>
              ))}
            </>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
