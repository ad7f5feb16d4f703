import { forwardRef, type ReactNode } from 'react';
import { Button, type ButtonProps } from './Button';
import { Tooltip } from './Tooltip';

interface IconButtonProps extends Omit<ButtonProps, 'children'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  shortcut?: string;
  icon: ReactNode;
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, shortcut, icon, variant = 'ghost', className, ...rest },
  ref,
) {
  return (
    <Tooltip
      content={
        <>
          {label}
          {shortcut && <span className="tooltip-kbd">{shortcut}</span>}
        </>
      }
    >
      <Button
        ref={ref}
        variant={variant}
        aria-label={label}
        className={['icon-btn', className].filter(Boolean).join(' ')}
        {...rest}
      >
        {icon}
      </Button>
    </Tooltip>
  );
});
