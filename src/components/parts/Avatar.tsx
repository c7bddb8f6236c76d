import { cn } from './cn';

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** Image URL; when absent the initials show. */
  src: string | null;
  initials: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/** A round avatar; decorative, since the name is always written next to it. */
export function Avatar({ src, initials, size = 'md', className }: AvatarProps) {
  return (
    <span data-slot="avatar" aria-hidden="true" className={cn(`csk-avatar csk-avatar-${size}`, className)}>
      {src ? <img src={src} alt="" className="csk-avatar-img" /> : initials}
    </span>
  );
}
